package io.jsonrpc2.examples.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.client.BatchResponse;
import io.jsonrpc2.message.Id;
import io.jsonrpc2.message.Response;
import io.jsonrpc2.testing.InMemoryTransport;
import io.jsonrpc2.testing.ScriptedTransport;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs every snippet of docs/client.md and checks that it does what the page says. */
@Timeout(10)
class ClientExamplesTest {
  private JsonRpcClient client;

  @BeforeEach
  void connect() {
    PetService.LOG.clear();
    client = ClientBasics.connect();
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void request() {
    assertThat(ClientBasics.request(client).textValue()).isEqualTo("meow");
  }

  @Test
  void call() {
    assertThat(ClientBasics.call(client)).isEqualTo(19);
  }

  @Test
  void notifyReachesTheServer() {
    ClientBasics.notifyLog(client); // request-response: the exchange is over when notify returns
    assertThat(PetService.LOG).containsExactly("Mittens was fed");
  }

  @Test
  void sendRequestValue() {
    Response response = ClientBasics.sendRequestValue(client);
    assertThat(response.id()).isEqualTo(Id.of(5));
    assertThat(response.result().textValue()).isEqualTo("meow");
    assertThat(PetService.LOG).containsExactly("sent as a value");
  }

  @Test
  void sendJson() {
    BatchResponse responses = ClientBasics.sendJson(client);
    assertThat(responses.get(5).orElseThrow().result().textValue()).isEqualTo("meow");
  }

  @Test
  void batchOfTenCubes() {
    BatchResponse cubes = ClientBasics.batch(client);
    assertThat(cubes.responses())
        .extracting(r -> r.result().intValue())
        .containsExactly(0, 1, 8, 27, 64, 125, 216, 343, 512, 729);
    assertThat(cubes.ids())
        .containsExactly(
            List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).stream().map(Id::of).toArray(Id[]::new));
    assertThat(PetService.LOG).containsExactly("walk");
  }

  @Test
  void idGenerators() {
    ScriptedTransport hex = new ScriptedTransport();
    try (JsonRpcClient c = IdGeneratorExamples.hex(hex)) {
      for (int i = 0; i < 10; i++) {
        c.notify("x"); // notifications take no id
        hex.reply("{\"jsonrpc\":\"2.0\",\"result\":0,\"id\":$ID}");
        c.request("x");
      }
    }
    assertThat(hex.sent().get(19)).isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"id\":\"a\"}");

    ScriptedTransport custom =
        new ScriptedTransport().reply("{\"jsonrpc\":\"2.0\",\"result\":0,\"id\":$ID}");
    try (JsonRpcClient c = IdGeneratorExamples.custom(custom)) {
      c.request("x");
    }
    assertThat(custom.sent())
        .containsExactly("{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"id\":\"req-1\"}");
  }

  @Test
  void errors() {
    assertThat(ErrorHandling.adopt(client, "Rex"))
        .isEqualTo("-32050 No such pet {\"name\":\"Rex\"}");
    ScriptedTransport broken = new ScriptedTransport().reply("<html>oops</html>");
    try (JsonRpcClient c = JsonRpcClient.builder().transport(broken).build()) {
      assertThat(ErrorHandling.adopt(c, "Rex")).startsWith("bad reply: the reply is not JSON");
    }
    ScriptedTransport down =
        new ScriptedTransport().fail(new io.jsonrpc2.client.TransportException("refused"));
    try (JsonRpcClient c = JsonRpcClient.builder().transport(down).build()) {
      assertThat(ErrorHandling.adopt(c, "Rex")).isEqualTo("unreachable: refused");
    }
  }

  @Test
  void lenientClientAcceptsAResponseWithoutVersion() {
    ScriptedTransport transport = new ScriptedTransport().reply("{\"result\":\"meow\",\"id\":$ID}");
    try (JsonRpcClient c = ErrorHandling.lenient(transport)) {
      assertThat(c.request("cat").textValue()).isEqualTo("meow");
    }
  }

  @Test
  void proxy() {
    CalculatorProxy.Calculator calc = CalculatorProxy.connect();
    assertThat(calc.add(2, 3)).isEqualTo(5);
    assertThat(calc.subtract(42, 23)).isEqualTo(19);
    assertThat(calc.range(1, 4)).containsExactly(1, 2, 3);
    assertThat(calc.square(12).join()).isEqualTo(144);
    assertThat(calc.twice(21)).isEqualTo(42);
    calc.reset();
  }

  @Test
  void mainRuns() {
    ClientBasics.main(new String[0]);
  }

  @Test
  void theInMemoryTransportIsTheOnlyThingToSwap() {
    try (JsonRpcClient c =
        JsonRpcClient.builder()
            .transport(InMemoryTransport.connection(PetService.create()))
            .build()) {
      assertThat(ClientBasics.request(c).textValue()).isEqualTo("meow");
    }
  }
}
