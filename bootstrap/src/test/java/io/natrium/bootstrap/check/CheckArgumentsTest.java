package io.natrium.bootstrap.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.bootstrap.check.CheckArguments.Client;
import io.natrium.bootstrap.check.CheckArguments.ClientKind;
import io.natrium.bootstrap.check.CheckArguments.Question;
import io.natrium.bootstrap.check.CheckArguments.QuestionKind;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckArgumentsTest {

    @Test
    void readsAFileAClientAndAQuestion() throws CheckException {
        CheckArguments arguments = CheckArguments.parse(List.of("-c", "a.conf", "--user", "alice", "--subscribe",
                "jobs.*", "--queue", "workers"));

        assertThat(arguments).isEqualTo(new CheckArguments("a.conf", new Client(ClientKind.USER, "alice"),
                new Question(QuestionKind.SUBSCRIBE, "jobs.*", "workers")));
    }

    @Test
    void takesValuesAfterAnEqualsSignAndOneOrTwoDashesAsTheServerDoes() throws CheckException {
        CheckArguments arguments = CheckArguments.parse(List.of("--config=a.conf", "-nkey=UABC", "-map", "x"));

        assertThat(arguments).isEqualTo(new CheckArguments("a.conf", new Client(ClientKind.NKEY, "UABC"),
                new Question(QuestionKind.MAP, "x", null)));
    }

    @Test
    void theTokenClientTakesNoValue() throws CheckException {
        assertThat(CheckArguments.parse(List.of("--token", "-c", "a.conf", "--publish", "x")).client())
                .isEqualTo(new Client(ClientKind.TOKEN, null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "--user a --publish x                       | missing -c FILE",
        "-c f --publish x                           | missing --user, --nkey, --token or --account",
        "-c f --user a                              | missing --publish, --subscribe or --map",
        "-c f --user a --account b --publish x      | give one of --user, --nkey, --token or --account",
        "-c f --user a --publish x --map y          | give one of --publish, --subscribe or --map",
        "-c f --user a --publish x --queue q        | --queue goes with --subscribe",
        "-c f --user a --publish x --verbose 1      | unknown option --verbose",
        "-c f --user a --publish                    | missing value for --publish",
        "-c f --token=t --publish x                 | --token takes no value",
    })
    void refusesWhatItCannotAnswer(String args, String message) {
        assertThatThrownBy(() -> CheckArguments.parse(List.of(args.split(" "))))
                .isInstanceOf(CheckException.class).hasMessageContaining(message);
    }
}
