import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// What the fake server was sent.
struct RecordedRequest: Sendable {
    let path: String
    let query: String
    /// Lowercased names.
    let headers: [String: String]
    let body: [UInt8]

    func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
    }
}

/// A local OpenAI-compatible chat server on a free port: each POST to `/v1/chat/completions`
/// (or an Azure deployment path) gets the next scripted reply, and every request is recorded.
actor FakeChatServer {
    private var script: [ChatReply]
    private(set) var requests: [RecordedRequest] = []

    init(_ script: [ChatReply]) {
        self.script = script
    }

    func take(_ request: RecordedRequest) -> ChatReply {
        requests.append(request)
        guard !script.isEmpty else { return .error(status: 500, message: "the test scripted no more replies") }
        return script.removeFirst()
    }

    /// Runs a server that answers with `script` for as long as `body` runs; `body` gets the
    /// server and its base URL (`http://localhost:PORT`).
    static func run<Value: Sendable>(
        _ script: [ChatReply], _ body: @Sendable (FakeChatServer, String) async throws -> Value
    ) async throws -> Value {
        let server = FakeChatServer(script)
        let router = Router()
        let handle: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            let bytes = try await request.body.collect(upTo: 16 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let recorded = RecordedRequest(
                path: request.uri.path, query: request.uri.query ?? "", headers: headers,
                body: Array(bytes.readableBytesView))
            var reply = await server.take(recorded)
            while case .delayed(let delay, let next) = reply {
                try await Task.sleep(for: delay)
                reply = next
            }
            let (status, contentType, text, extra) = reply.body
            var fields = HTTPFields()
            fields[.contentType] = contentType
            for (name, value) in extra { fields[HTTPField.Name(name)!] = value }
            return Response(
                status: HTTPResponse.Status(code: status), headers: fields,
                body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
        router.post("v1/chat/completions", use: handle)
        router.post("openai/deployments/{deployment}/chat/completions", use: handle)
        router.post("openai/v1/chat/completions", use: handle)
        let app = Application(router: router)
        return try await app.test(.live) { client in
            try await body(server, "http://localhost:\(try #require(client.port))")
        }
    }
}
