package io.jsonrpc2.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExchangesTest {
  @Test
  void parsesDottedQuadsAndNothingElse() {
    assertThat(Exchanges.parseIpv4("127.0.0.1")).containsExactly(127, 0, 0, 1);
    assertThat(Exchanges.parseIpv4("255.255.255.255")).containsExactly(-1, -1, -1, -1);
    assertThat(Exchanges.parseIpv4("256.0.0.1")).isNull();
    assertThat(Exchanges.parseIpv4("1.2.3")).isNull();
    assertThat(Exchanges.parseIpv4("1.2.3.4.5")).isNull();
    assertThat(Exchanges.parseIpv4("1..3.4")).isNull();
    assertThat(Exchanges.parseIpv4("::1")).isNull();
    assertThat(Exchanges.parseIpv4("host")).isNull();
    assertThat(Exchanges.parseIpv4("")).isNull();
  }
}
