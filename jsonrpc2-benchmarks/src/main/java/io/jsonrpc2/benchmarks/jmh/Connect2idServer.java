package io.jsonrpc2.benchmarks.jmh;

import com.thetransactioncompany.jsonrpc2.JSONRPC2Error;
import com.thetransactioncompany.jsonrpc2.JSONRPC2Request;
import com.thetransactioncompany.jsonrpc2.JSONRPC2Response;
import com.thetransactioncompany.jsonrpc2.server.Dispatcher;
import com.thetransactioncompany.jsonrpc2.server.MessageContext;
import com.thetransactioncompany.jsonrpc2.server.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.minidev.json.JSONArray;
import net.minidev.json.parser.JSONParser;

/**
 * Connect2id's JSON-RPC 2.0 Base 1.38 and Server 1.11 (json-smart, no Jackson): a {@link
 * Dispatcher} with one handler, {@code JSONRPC2Request.parse}, {@code toJSONString}.
 *
 * <p>The library has no batch support ({@code JSONRPC2Request.parse} rejects arrays). A batch is
 * therefore parsed once with json-smart in the library's own parser mode, and each element is made
 * into a request with the public constructor, skipping the per-request checks that {@code parse}
 * does: a generous stand-in, so the batch row flatters this library if anything.
 */
public final class Connect2idServer implements RpcServer {
  /** Parser flags used by {@code JSONRPC2Parser} (see its constructor). */
  private static final int PARSER_MODE = 960;

  /** Both methods in one handler, as the library's examples do it. */
  static final class Methods implements RequestHandler {
    @Override
    public String[] handledRequests() {
      return new String[] {"echo", "subtract"};
    }

    @Override
    public JSONRPC2Response process(JSONRPC2Request request, MessageContext context) {
      List<Object> params = request.getPositionalParams();
      return switch (request.getMethod()) {
        case "echo" -> new JSONRPC2Response(params.get(0), request.getID());
        case "subtract" -> {
          long minuend = ((Number) params.get(0)).longValue();
          long subtrahend = ((Number) params.get(1)).longValue();
          yield new JSONRPC2Response(minuend - subtrahend, request.getID());
        }
        default -> new JSONRPC2Response(JSONRPC2Error.METHOD_NOT_FOUND, request.getID());
      };
    }
  }

  private final Dispatcher dispatcher = new Dispatcher();

  public Connect2idServer() {
    dispatcher.register(new Methods());
  }

  @Override
  public byte[] handle(byte[] request) throws Exception {
    String text = new String(request, StandardCharsets.UTF_8);
    if (!text.startsWith("[")) {
      JSONRPC2Response response = dispatcher.process(JSONRPC2Request.parse(text), null);
      return response.toJSONString().getBytes(StandardCharsets.UTF_8);
    }
    JSONArray elements = (JSONArray) new JSONParser(PARSER_MODE).parse(text);
    JSONArray replies = new JSONArray();
    for (Object element : elements) {
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) element;
      @SuppressWarnings("unchecked")
      List<Object> params = (List<Object>) object.get("params");
      JSONRPC2Request call =
          new JSONRPC2Request((String) object.get("method"), params, object.get("id"));
      replies.add(dispatcher.process(call, null).toJSONObject());
    }
    return replies.toJSONString().getBytes(StandardCharsets.UTF_8);
  }
}
