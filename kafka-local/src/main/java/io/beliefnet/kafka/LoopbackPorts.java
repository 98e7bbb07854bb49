package io.beliefnet.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports on 127.0.0.1 for local servers: a fixed default where it is free, any free one else. */
public final class LoopbackPorts {

  private LoopbackPorts() {}

  /** A port nothing listens on now. */
  public static int free() {
    return bindable(0);
  }

  /** {@code port} if nothing listens on it now, otherwise a free one; 0 means any. */
  public static int preferred(int port) {
    try {
      return bindable(port);
    } catch (UncheckedIOException taken) {
      return free();
    }
  }

  private static int bindable(int port) {
    try (ServerSocket socket = new ServerSocket(port, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("port " + port + " on 127.0.0.1 is taken", e);
    }
  }
}
