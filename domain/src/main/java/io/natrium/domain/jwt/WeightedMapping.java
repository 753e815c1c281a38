package io.natrium.domain.jwt;

/** One destination of an account mapping; {@code weight} 0 (absent) counts as 100. */
public record WeightedMapping(String subject, int weight, String cluster) {

    static WeightedMapping read(Object value, String path) {
        JsonFields mapping = JsonFields.of(value, path);
        int weight = (int) JsonFields.integer(mapping.raw("weight"), mapping.name("weight"), 0, 255, "uint8");
        return new WeightedMapping(mapping.string("subject"), weight, mapping.string("cluster"));
    }

    public int effectiveWeight() {
        return weight == 0 ? 100 : weight;
    }
}
