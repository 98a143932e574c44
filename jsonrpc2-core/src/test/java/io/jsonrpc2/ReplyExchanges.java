package io.jsonrpc2;

/**
 * Requests and the exact reply bytes the service gives them ({@code null}: no reply at all).
 * Replies are compared byte for byte: member order, number text and escaping included.
 */
final class ReplyExchanges {
  private ReplyExchanges() {}

  static final String[][] EXCHANGES = {
    // the benchmark's shapes
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"hello\"],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"hello\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"blockingEcho\",\"params\":[\"hello\"],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"hello\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"blockingSubtract\",\"params\":{\"subtrahend\":23,\"minuend\":42},\"id\":2}",
      "{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":2}"
    },
    {
      "[{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"a\"],\"id\":1},{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":2},"
          + "{\"jsonrpc\":\"2.0\",\"method\":\"blockingEcho\",\"params\":[\"b\"],\"id\":3},{\"jsonrpc\":\"2.0\",\"method\":\"laterAsync\",\"params\":[\"c\"],\"id\":4},"
          + "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"n\"]}]",
      "[{\"jsonrpc\":\"2.0\",\"result\":\"a\",\"id\":1},{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":2},{\"jsonrpc\":\"2.0\",\"result\":\"b\",\"id\":3},{\"jsonrpc\":\"2.0\",\"result\":\"c?\",\"id\":4}]"
    },
    // member order: params before method, id first, whitespace, unknown members
    {
      "{\"id\":7,\"params\":[5,2],\"method\":\"subtract\",\"jsonrpc\":\"2.0\"}",
      "{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":7}"
    },
    {
      "{\"params\":{\"minuend\":5,\"subtrahend\":2},\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"subtract\"}",
      "{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":\"x\"}"
    },
    {
      " { \"jsonrpc\" : \"2.0\" , \"method\" : \"echo\" , \"params\" : [ \"sp aces\" ] , \"id\" : 3 } ",
      "{\"jsonrpc\":\"2.0\",\"result\":\"sp aces\",\"id\":3}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"extra\":{\"a\":[1,2]},\"params\":[\"x\"],\"id\":4}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"x\",\"id\":4}"
    },
    // ids
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":-0}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"x\",\"id\":-0}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":1e3}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"x\",\"id\":1e3}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":99999999999999999999}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"x\",\"id\":99999999999999999999}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":\"a\\\"b\\u0001\"}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"x\",\"id\":\"a\\\"b\\u0001\"}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":1023}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"x\",\"id\":1023}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":1024}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"x\",\"id\":1024}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":-5}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"x\",\"id\":-5}"
    },
    // strings
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"\\u00e9\\u4e2d\\ud83d\\ude00 \\\"q\\\" \\\\ \\n\\t/\"],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"é中\\uD83D\\uDE00 \\\"q\\\" \\\\ \\n\\t/\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"é中😀\"],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"é中\\uD83D\\uDE00\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"value\":\"named\"},\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"named\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[null],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[7],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'value' of echo expects String: Cannot coerce Integer value (7) to `java.lang.String` value (but could if coercion was enabled using `CoercionConfig`)\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[true],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'value' of echo expects String: Cannot coerce Boolean value (true) to `java.lang.String` value (but could if coercion was enabled using `CoercionConfig`)\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[1.5],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'value' of echo expects String: Cannot coerce Float value (1.5) to `java.lang.String` value (but could if coercion was enabled using `CoercionConfig`)\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[[\"x\"]],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'value' of echo expects String: Cannot deserialize value of type `java.lang.String` from Array value (token `JsonToken.START_ARRAY`)\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[{\"a\":1}],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'value' of echo expects String: Cannot deserialize value of type `java.lang.String` from Object value (token `JsonToken.START_OBJECT`)\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'value' of echo is missing\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'value' of echo is missing\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{},\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'value' of echo is missing\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"a\",\"b\"],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: echo takes 1 params, got more than that\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"other\":\"x\"},\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: echo has no parameter named 'other'\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"value\":\"x\",\"value\":\"y\"},\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'value' of echo given twice\"},\"id\":1}"
    },
    // numbers
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[\"42\",23],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'minuend' of subtract expects int: Cannot coerce String value (\\\"42\\\") to `int` value (but might if coercion using `CoercionConfig` was enabled)\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[4.0,2],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'minuend' of subtract expects int: Cannot coerce Floating-point value (4.0) to `int` value (but could if coercion was enabled using `CoercionConfig`)\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[4.5,2],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'minuend' of subtract expects int: Cannot coerce Floating-point value (4.5) to `int` value (but could if coercion was enabled using `CoercionConfig`)\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[null,2],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'minuend' of subtract expects int: Cannot map `null` into type `int` (set DeserializationConfig.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES to 'false' to allow)\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[true,2],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'minuend' of subtract expects int: Cannot deserialize value of type `int` from Boolean value (token `JsonToken.VALUE_TRUE`)\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[3000000000,2],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'minuend' of subtract expects int: Numeric value (3000000000) out of range of int (-2147483648 - 2147483647)\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[-2147483648,0],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":-2147483648,\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[1e2,2],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'minuend' of subtract expects int: Cannot coerce Floating-point value (1e2) to `int` value (but could if coercion was enabled using `CoercionConfig`)\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[[1],2],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'minuend' of subtract expects int: Cannot deserialize value of type `int` from Array value (token `JsonToken.START_ARRAY`)\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[1],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'subtrahend' of subtract is missing\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":{\"minuend\":1},\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'subtrahend' of subtract is missing\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":{\"minuend\":1,\"subtrahend\":2,\"x\":3},\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: subtract has no parameter named 'x'\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[1,2,3,4],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: subtract takes 2 params, got more than that\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"twice\",\"params\":[4611686018427387904],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":-9223372036854775808,\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"twice\",\"params\":[9223372036854775808],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'value' of twice expects long: Numeric value (9223372036854775808) out of range of long (-9223372036854775808 - 9223372036854775807)\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"twice\",\"params\":[-21],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":-42,\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"boxed\",\"params\":[null],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"boxed\",\"params\":[12],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":12,\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"boxed\",\"params\":[\"12\"],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'value' of boxed expects Integer: Cannot coerce String value (\\\"12\\\") to `java.lang.Integer` value (but might if coercion using `CoercionConfig` was enabled)\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"not\",\"params\":[true],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":false,\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"not\",\"params\":[1],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'value' of not expects boolean: Cannot coerce Integer value (1) to `boolean` value (but could if coercion was enabled using `CoercionConfig`)\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"not\",\"params\":[\"true\"],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'value' of not expects boolean: Cannot coerce String value (\\\"true\\\") to `boolean` value (but might if coercion using `CoercionConfig` was enabled)\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"half\",\"params\":[3],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":1.5,\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"half\",\"params\":[0.1],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":0.05,\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"half\",\"params\":[1e400],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"Infinity\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"shortOne\",\"params\":[70000],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'value' of shortOne expects short: Numeric value (70000) out of range of Java short\"},\"id\":1}"
    },
    // varargs, optional, collections, records, enums
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"join\",\"params\":[\"-\",\"a\",\"b\",\"c\"],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"a-b-c\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"join\",\"params\":[\"-\"],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"join\",\"params\":{\"separator\":\"+\",\"parts\":[\"x\",\"y\"]},\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"x+y\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"join\",\"params\":{\"separator\":\"+\",\"parts\":\"x\"},\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'parts' of join expects an array\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"join\",\"params\":[\"-\",\"a\",1],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'parts' of join expects String: Cannot coerce Integer value (1) to `java.lang.String` value (but could if coercion was enabled using `CoercionConfig`)\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"count\",\"params\":[1,2,3],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"count\",\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":0,\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"mirror\",\"params\":[[{\"x\":1,\"y\":2},{\"x\":3,\"y\":4}]],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":[{\"x\":2,\"y\":1},{\"x\":4,\"y\":3}],\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"mirror\",\"params\":[[{\"x\":1,\"z\":2}]],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'points' of mirror expects List<Point>: Cannot map `null` into type `int` (set DeserializationConfig.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES to 'false' to allow)\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"point\",\"params\":[{\"x\":1,\"y\":2}],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":{\"x\":1,\"y\":2},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"point\",\"params\":[{\"x\":1,\"y\":[2,{\"deep\":[1,2,3]}]}],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'point' of point expects Point: Cannot deserialize value of type `int` from Array value (token `JsonToken.START_ARRAY`)\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"point\",\"params\":{\"point\":{\"x\":\"1\",\"y\":2}},\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'point' of point expects Point: Cannot coerce String value (\\\"1\\\") to `int` value (but might if coercion using `CoercionConfig` was enabled)\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":[\"Ann\"],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"Hello, Ann\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":[\"Ann\",\"Dr\"],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"Hello, Dr Ann\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":[\"Ann\",null],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"Hello, Ann\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"greet\",\"params\":{\"title\":\"Dr\",\"name\":\"Bo\"},\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"Hello, Dr Bo\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"maybeInt\",\"params\":[],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"null/0\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"maybeInt\",\"params\":{\"n\":5},\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"5/0\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"maybeInt\",\"params\":{\"m\":5},\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"null/5\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"maybe\",\"params\":[true],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"here\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"maybe\",\"params\":[false],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"tree\",\"params\":[{\"b\":[1,2.5,\"x\",null,true],\"a\":{}}],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":{\"b\":[1,2.5,\"x\",null,true],\"a\":{}},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"color\",\"params\":[\"RED\"],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"GREEN\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"color\",\"params\":[\"BLUE\"],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'color' of color expects Color: Cannot deserialize value of type `io.jsonrpc2.ReplyFixtures$Color` from String \\\"BLUE\\\": not one of the values accepted for Enum class: [RED, GREEN]\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"sizes\",\"params\":[{\"a\":\"xx\",\"b\":\"yyy\"}],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":{\"a\":2,\"b\":3},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"nothing\",\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"nothing\",\"params\":[],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"ns.echo\",\"params\":[\"in a namespace\"],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"in a namespace\",\"id\":1}"
    },
    // context and values
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"context\",\"params\":[\"v\"],\"id\":\"c1\"}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"\\\"c1\\\" context test {user=u1} v\",\"id\":\"c1\"}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"context\",\"params\":{\"value\":\"v\"},\"id\":5}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"5 context test {user=u1} v\",\"id\":5}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"fromValues\",\"params\":{\"value\":\"v\"},\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"u1:v\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"fromValues\",\"params\":{\"value\":\"v\",\"user\":\"given\"},\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"given:v\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"fromValues\",\"params\":[\"given\",\"v\"],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"given:v\",\"id\":1}"
    },
    // results and failures
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"unserializable\",\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":1}"
    },
    {
      "[{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"a\"],\"id\":1},{\"jsonrpc\":\"2.0\",\"method\":\"unserializable\",\"id\":2},{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"b\"],\"id\":3}]",
      "[{\"jsonrpc\":\"2.0\",\"result\":\"a\",\"id\":1},{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":2},{\"jsonrpc\":\"2.0\",\"result\":\"b\",\"id\":3}]"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"later\",\"params\":[\"now\"],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"now!\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"laterAsync\",\"params\":[\"soon\"],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"soon?\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"failedLater\",\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32010,\"message\":\"failed later\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"cancelledLater\",\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"nullLater\",\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":null,\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"fail\",\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"blockingFail\",\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"rpcFail\",\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32050,\"message\":\"custom failure\",\"data\":{\"why\":\"because\"}},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"mapped\",\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32001,\"message\":\"mapped failure\"},\"id\":1}"
    },
    {"{\"jsonrpc\":\"2.0\",\"method\":\"fail\"}", null},
    {"{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"]}", null},
    {"{\"jsonrpc\":\"2.0\",\"method\":\"later\",\"params\":[\"x\"]}", null},
    // functions and lazy methods
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"fn.sum\",\"params\":[1,2],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"fn.sum\",\"params\":[1],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter '#1' of fn.sum is missing\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"fn.sum\",\"params\":{\"a\":1},\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: fn.sum takes positional params\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"fn.named\",\"params\":{\"a\":\"x\",\"b\":2},\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"xOptional[2]\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"fn.named\",\"params\":{\"a\":\"x\"},\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"xOptional.empty\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"fn.named\",\"params\":{\"a\":\"x\",\"b\":\"y\"},\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'b' of fn.named expects Integer: Cannot coerce String value (\\\"y\\\") to `java.lang.Integer` value (but might if coercion using `CoercionConfig` was enabled)\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"fn.tree\",\"params\":{\"z\":[1,{\"y\":null}]},\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":{\"z\":[1,{\"y\":null}]},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"fn.absent\",\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"true 0\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"fn.absent\",\"params\":[1,2,3],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"false 3\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"fn.async\",\"params\":[\"async\"],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"async\",\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"lazy.bitCount\",\"params\":[7],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"lazy.broken\",\"params\":[1],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error: method 'lazy.broken' could not be loaded\"},\"id\":1}"
    },
    // envelope problems together with params problems
    {
      "{\"jsonrpc\":\"1.0\",\"method\":\"subtract\",\"params\":[\"x\"],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":1}"
    },
    {
      "{\"method\":\"subtract\",\"params\":[1,2,3],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[\"x\"],\"id\":true}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":null}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[\"x\"],\"params\":[1,2],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[1,2],\"method\":\"echo\",\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[1,2],\"id\":1,\"id\":2}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":2}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"params\":[\"x\",{\"y\":[1]}],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":1}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[1,2,3],\"id\":1,\"jsonrpc\":\"2.0\"}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":1}"
    },
    // syntax errors inside and after params win over everything
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[1,2,,],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[\"x\",2,,],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[1,2,3,{\"a\":],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"point\",\"params\":[{\"x\":1,\"y\":2,]],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"point\",\"params\":[{\"x\":1,\"y\":\"2\",\"z\":[}]],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[\"x\",2],\"id\":1} x",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[01,2],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"unterminated],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}"
    },
    {
      "[{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[\"x\"],\"id\":1},{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[1,]}]",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}"
    },
    {
      "[{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[\"x\"],\"id\":1},{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[3,1],\"id\":2}]",
      "[{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params: parameter 'minuend' of subtract expects int: Cannot coerce String value (\\\"x\\\") to `int` value (but might if coercion using `CoercionConfig` was enabled)\"},\"id\":1},{\"jsonrpc\":\"2.0\",\"result\":2,\"id\":2}]"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"tree\",\"params\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\",\"data\":\"Document nesting depth (129) exceeds the maximum allowed (128, from `StreamReadConstraints.getMaxNestingDepth()`)\"},\"id\":null}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[1,[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\",\"data\":\"Document nesting depth (129) exceeds the maximum allowed (128, from `StreamReadConstraints.getMaxNestingDepth()`)\"},\"id\":null}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"\\ud800\"],\"id\":1}",
      "{\"jsonrpc\":\"2.0\",\"result\":\"\\uD800\",\"id\":1}"
    },
    {
      "",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}"
    },
    {
      "   ",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}"
    },
    {
      "null",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},\"id\":null}"
    },
    {
      "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"x\"],\"id\":1}{}",
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},\"id\":null}"
    },
  };
}
