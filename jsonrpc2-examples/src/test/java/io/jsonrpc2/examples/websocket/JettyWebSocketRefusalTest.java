package io.jsonrpc2.examples.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.JsonRpcService;
import io.jsonrpc2.client.TransportException;
import io.jsonrpc2.http.BasicAuthenticator;
import io.jsonrpc2.http.HttpRules;
import io.jsonrpc2.httpclient.WebSocketClientTransport;
import io.jsonrpc2.servlet.websocket.JsonRpcWebSocketConfig;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the project's WebSocket client sees of an upgrade that the endpoint's rules refuse. */
@Timeout(30)
class JettyWebSocketRefusalTest {
  @Test
  void aRefusedUpgradeFailsTheCallWithTheStatusAndGoodCredentialsGetIn() throws Exception {
    JsonRpcService service = JsonRpcService.builder().handler("main", new Countdown()).build();
    JsonRpcWebSocketConfig config =
        JsonRpcWebSocketConfig.builder(service, "/ws")
            .rules(
                HttpRules.builder()
                    .authenticator(BasicAuthenticator.of("rpc", Map.of("ann", "pw")))
                    .build())
            .build();
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    JakartaWebSocketServletContainerInitializer.configure(
        context, (servletContext, container) -> container.addEndpoint(config));
    jetty.setHandler(context);
    jetty.start();
    try {
      String url = "ws://127.0.0.1:" + connector.getLocalPort() + "/ws";
      try (JsonRpcClient anonymous =
          JsonRpcClient.builder()
              .transport(WebSocketClientTransport.builder(url).build())
              .build()) {
        assertThatThrownBy(() -> anonymous.call("main.echo", String.class, "hi"))
            .isInstanceOf(TransportException.class)
            .hasMessageContaining("500");
      }
      try (JsonRpcClient ann =
          JsonRpcClient.builder()
              .transport(WebSocketClientTransport.builder(url).basicAuth("ann", "pw").build())
              .build()) {
        assertThat(ann.call("main.echo", String.class, "hi")).isEqualTo("hi");
      }
    } finally {
      jetty.stop();
    }
  }
}
