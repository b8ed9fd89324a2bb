#if Backends
    import AsyncHTTPClient
    import Foundation
    import NIOCore
    import WoveNetwork
    import WoveRuntime

    /// The job side of a callback: POSTs one event frame to the submitting process, signed when
    /// callbacks are, and tries again when the request fails or the server answers 5xx, 408 or 429.
    struct CallbackPoster: Sendable {
        let url: URL
        let security: NetworkExecutorSecurity
        let client: HTTPClient
        /// Tries per frame, the first included.
        var attempts = 5
        /// The wait before the second try; it doubles after each, up to 2 s.
        var firstBackoff: Duration = .milliseconds(200)
        var timeout: TimeAmount = .seconds(30)

        /// Why a frame could not be delivered.
        struct Failure: Error, CustomStringConvertible {
            let description: String
        }

        /// The callback URL without its path, whose token is a secret: what messages show.
        var redacted: String {
            var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
            components?.path = "/…"
            components?.query = nil
            return components?.string ?? "the callback server"
        }

        func post(_ frame: WoveFrame) async throws(Failure) {
            let body: [UInt8]
            do {
                body = try frame.serialized()
            } catch {
                throw Failure(description: "the \(frame.type) frame cannot be written as JSON: \(error)")
            }
            let target = NetworkEndpoint.target(of: url)
            var backoff = firstBackoff
            var last = ""
            for attempt in 1...max(1, attempts) {
                if attempt > 1 {
                    try? await Task.sleep(for: backoff)
                    backoff = min(backoff * 2, .seconds(2))
                }
                var request = HTTPClientRequest(url: url.absoluteString)
                request.method = .POST
                request.headers.add(name: "Content-Type", value: "application/json")
                for (field, value) in security.headers(transport: .http, target: target, body: body) {
                    request.headers.replaceOrAdd(name: field, value: value)
                }
                request.body = .bytes(ByteBuffer(bytes: body))
                do {
                    let response = try await client.execute(request, timeout: timeout)
                    let text = String(buffer: try await response.body.collect(upTo: 64 << 10))
                    let status = Int(response.status.code)
                    if (200..<300).contains(status) { return }
                    last = "the callback server answered \(status): \(text.prefix(300))"
                    guard status >= 500 || status == 408 || status == 429 else { break }
                } catch {
                    last = "\(error)"
                }
            }
            throw Failure(description: "Could not deliver \(frame.type) to \(redacted): \(last)")
        }
    }

#endif
