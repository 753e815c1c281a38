package io.natrium.application.settings;

/**
 * Files the server writes about itself.
 *
 * @param pidFile      where to write the process id ({@code pidfile}, {@code -P}); null for none
 * @param portsFileDir the directory of the {@code <executable>_<pid>.ports} file ({@code ports_file_dir}); null
 *                     for none
 */
public record ProcessFileSettings(String pidFile, String portsFileDir) {

    public static ProcessFileSettings none() {
        return new ProcessFileSettings(null, null);
    }

    public ProcessFileSettings withPidFile(String value) {
        return new ProcessFileSettings(value, portsFileDir);
    }

    public ProcessFileSettings withPortsFileDir(String value) {
        return new ProcessFileSettings(pidFile, value);
    }
}
