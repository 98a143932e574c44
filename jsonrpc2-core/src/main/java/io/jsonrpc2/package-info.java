/**
 * jsonrpc2: JSON-RPC 2.0 for the JVM. The types a user touches first live here.
 *
 * <p>A server is a {@link io.jsonrpc2.JsonRpcService} (methods from annotated handler objects,
 * functions or lazily loaded classes) served by a transport; a client is a {@link
 * io.jsonrpc2.JsonRpcClient} over a {@link io.jsonrpc2.client.ClientTransport}.
 *
 * <pre>{@code
 * public class Calculator {
 *   @JsonRpcMethod public int subtract(int minuend, int subtrahend) { return minuend - subtrahend; }
 * }
 * JsonRpcService service = JsonRpcService.builder().handler("calc", new Calculator()).build();
 * service.handle("{\"jsonrpc\":\"2.0\",\"method\":\"calc.subtract\",\"params\":[42,23],\"id\":1}").join();
 * // {"jsonrpc":"2.0","result":19,"id":1}
 * }</pre>
 *
 * <p><b>Nulls.</b> In this package and its subpackages, parameters and return values are never null
 * unless their documentation says so; lookups that may find nothing return {@code Optional}.
 */
package io.jsonrpc2;
