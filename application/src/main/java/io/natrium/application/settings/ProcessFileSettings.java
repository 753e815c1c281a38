package io.natrium.application.settings;

/**
 * Files the server writes about itself.
 *
 * @param pidFile      where to write the process id ({@code pidfile}, {@code -P}); null for none
 * @param portsFileDir the directory of the {@code <executable>_<pid>.ports} file ({@code ports_file_dir}); null
 *                     for none
 * @param storeDir     where state that outlives the process is kept ({@code store_dir}, {@code -sd}: nats-server's
 *                     JetStream directory; Natrium keeps its MQTT state there); null to keep it in memory
 */
public record ProcessFileSettings(String pidFile, String portsFileDir, String storeDir) {

    public static ProcessFileSettings none() {
        return new ProcessFileSettings(null, null, null);
    }

    public ProcessFileSettings withPidFile(String value) {
        return new ProcessFileSettings(value, portsFileDir, storeDir);
    }

    public ProcessFileSettings withPortsFileDir(String value) {
        return new ProcessFileSettings(pidFile, value, storeDir);
    }

    public ProcessFileSettings withStoreDir(String value) {
        return new ProcessFileSettings(pidFile, portsFileDir, value);
    }
}
