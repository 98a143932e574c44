package io.jsonrpc2.examples.client;

import io.jsonrpc2.JsonRpcClient;
import io.jsonrpc2.client.CallTimeoutException;
import io.jsonrpc2.client.ErrorResponseException;
import io.jsonrpc2.client.JsonRpcClientException;
import io.jsonrpc2.client.TransportException;
import java.util.Map;

/** What a caller catches. */
public final class ErrorHandling {
  private ErrorHandling() {}

  /** Returns what the caller would show for a failed adoption. */
  public static String adopt(JsonRpcClient client, String name) {
    // docs:begin errors
    try {
      return client.call("adopt", String.class, Map.of("name", name));
    } catch (ErrorResponseException e) { // the server answered with an error object
      // -32050 No such pet {"name":"Rex"}
      return e.code() + " " + e.errorMessage() + " " + e.data();
    } catch (CallTimeoutException e) { // no response in time; the call is forgotten
      return "timed out";
    } catch (TransportException e) { // not delivered, connection lost, client closed
      return "unreachable: " + e.getMessage();
    } catch (JsonRpcClientException e) { // the reply was not JSON or not a valid response
      return "bad reply: " + e.getMessage();
    }
    // docs:end errors
  }

  public static JsonRpcClient lenient(io.jsonrpc2.client.ClientTransport transport) {
    // docs:begin lenient
    JsonRpcClient client =
        JsonRpcClient.builder().transport(transport).validateResponses(false).build();
    // docs:end lenient
    return client;
  }
}
