package io.jsonrpc2.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonrpc2.client.ClientTransport;
import io.jsonrpc2.client.ClientTransports;
import io.jsonrpc2.client.ConnectOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** How command-line words become params, URLs become endpoints and words become durations. */
class ArgumentParsingTest {

  @Test
  void wordsThatAreJsonAreJson() {
    assertThat(
            JsonArguments.positional(
                List.of(
                    "42",
                    "-7",
                    "1.50",
                    "true",
                    "null",
                    "\"quoted\"",
                    "[1,2]",
                    "{\"a\":{\"b\":null}}")))
        .hasToString("[42,-7,1.50,true,null,\"quoted\",[1,2],{\"a\":{\"b\":null}}]");
  }

  @Test
  void otherWordsAreStrings() {
    assertThat(
            JsonArguments.positional(
                List.of("hello", "Mittens the cat", "", " ", "1 2", "{oops", "'x'", "NaN", "tru")))
        .hasToString(
            "[\"hello\",\"Mittens the cat\",\"\",\" \",\"1 2\",\"{oops\",\"'x'\",\"NaN\",\"tru\"]");
  }

  @Test
  void bigNumbersKeepEveryDigit() {
    assertThat(JsonArguments.value("123456789012345678901234567890").toString())
        .isEqualTo("123456789012345678901234567890");
    assertThat(JsonArguments.value("0.1000000000000000000001").toString())
        .isEqualTo("0.1000000000000000000001");
  }

  @Test
  void numbersGoOutAsTyped() {
    assertThat(JsonArguments.positional(List.of("-0.0", "1e999999999", "[-0.0, 2E+3]", " 5 ")))
        .hasToString("[-0.0,1e999999999,[-0.0, 2E+3],5]");
  }

  @Test
  void namedParamsSplitAtTheFirstEquals() {
    assertThat(
            JsonArguments.named(
                List.of("name=Mittens", "age=5", "formula=a=b", "empty=", "list=[1]")))
        .hasToString(
            "{\"name\":\"Mittens\",\"age\":5,\"formula\":\"a=b\",\"empty\":\"\",\"list\":[1]}");
  }

  @Test
  void badNamedParamsAreUsageErrors() {
    assertThatThrownBy(() -> JsonArguments.named(List.of("novalue")))
        .isInstanceOfSatisfying(
            CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageContaining("name=value");
    assertThatThrownBy(() -> JsonArguments.named(List.of("=5"))).hasMessageContaining("name=value");
    assertThatThrownBy(() -> JsonArguments.named(List.of("a=1", "a=2")))
        .hasMessageContaining("'a' twice");
  }

  private static String endpointOf(String url, ConnectOptions options) {
    try (ClientTransport transport = ClientTransports.open(url, options)) {
      return transport.endpoint();
    }
  }

  @Test
  void urlsOfEverySchemeFindTheirTransportOnTheCommandsClassPath() {
    ConnectOptions plain = ConnectOptions.DEFAULT;
    ConnectOptions trustAll = ConnectOptions.builder().trustAllCertificatesForTesting().build();
    assertThat(ClientTransports.schemes())
        .containsExactly("http", "https", "netstring", "netstring+tls", "ws", "wss", "zmq+tcp");
    assertThat(endpointOf("http://127.0.0.1:8080/rpc", plain))
        .isEqualTo("http://127.0.0.1:8080/rpc");
    assertThat(endpointOf("https://example.org/", trustAll)).isEqualTo("https://example.org/");
    assertThat(endpointOf("netstring://localhost:7080", plain))
        .isEqualTo("netstring://localhost:7080");
    assertThat(endpointOf("netstring+tls://127.0.0.1:7443", trustAll)).contains("127.0.0.1:7443");
    assertThat(endpointOf("zmq+tcp://127.0.0.1:5555", plain)).isEqualTo("tcp://127.0.0.1:5555");
    assertThat(endpointOf("ws://127.0.0.1:8080/rpc", plain)).isEqualTo("ws://127.0.0.1:8080/rpc");
    assertThat(endpointOf("wss://example.org/rpc", trustAll)).isEqualTo("wss://example.org/rpc");
    assertThat(endpointOf("netstring://[::1]:7080", plain)).contains("::1");
    assertThat(endpointOf("zmq+tcp://[::1]:5555", plain)).isEqualTo("tcp://[::1]:5555");
  }

  @Test
  void badUrlsSayWhatIsExpected() {
    String schemes = "http://, https://, netstring://, netstring+tls://, ws://, wss://, zmq+tcp://";
    ConnectOptions plain = ConnectOptions.DEFAULT;
    assertThatThrownBy(() -> ClientTransports.open("ftp://x:1", plain))
        .hasMessageContaining("the scheme ftp")
        .hasMessageContaining(schemes);
    assertThatThrownBy(() -> ClientTransports.open("127.0.0.1:8080", plain))
        .hasMessageContaining(schemes);
    assertThatThrownBy(() -> ClientTransports.open("netstring://127.0.0.1", plain))
        .hasMessageContaining("needs a host and a port");
    assertThatThrownBy(() -> ClientTransports.open("netstring://127.0.0.1:7080/path", plain))
        .hasMessageContaining("just netstring://HOST:PORT");
    assertThatThrownBy(() -> ClientTransports.open("http:///nohost", plain))
        .hasMessageContaining("no host");
    assertThatThrownBy(() -> ClientTransports.open("http://bad host/", plain))
        .hasMessageContaining("not a URL");
  }

  @Test
  void durations() {
    DurationConverter converter = new DurationConverter();
    assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(converter.convert("1.5")).isEqualTo(Duration.ofMillis(1500));
    assertThat(converter.convert("PT0.25S")).isEqualTo(Duration.ofMillis(250));
    for (String bad : List.of("", "soon", "-1s", "0", "1.5.2s", "0.0000000001s")) {
      assertThatThrownBy(() -> converter.convert(bad))
          .as(bad)
          .isInstanceOf(TypeConversionException.class);
    }
  }
}
