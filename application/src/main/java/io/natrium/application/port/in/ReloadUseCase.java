package io.natrium.application.port.in;

/** Reload the configuration (SIGHUP, {@code --signal reload}, and later the system account's RELOAD request). */
public interface ReloadUseCase {

    ReloadResult reload();
}
