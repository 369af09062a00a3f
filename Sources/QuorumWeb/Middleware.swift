import Foundation
import HTTPTypes
import Hummingbird
import Logging
import QuorumStorage

/// HEAD is answered as GET is, without the body (a monitor using HEAD on `/health` sees the site up). The routes
/// answer HEAD and refuse other methods because each is added with `page(_:use:)`.
struct HeadMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .head else { return try await next(request, context) }
        let response = try await next(request, context)
        var headers = response.headers
        if headers[.contentLength] == nil, let length = response.body.contentLength { headers[.contentLength] = String(length) }
        return Response(status: response.status, headers: headers, body: ResponseBody())
    }
}

extension RouterMethods {
    /// Adds a page: GET and HEAD run `handler`; POST, PUT, PATCH, DELETE, TRACE and OPTIONS get 405 with `Allow: GET, HEAD`.
    @discardableResult
    func page(_ path: RouterPath, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator) -> Self {
        on(path, method: .get, use: handler)
        on(path, method: .head, use: handler)
        return refusing([.post, .put, .patch, .delete, .trace, .options, HTTPRequest.Method("QUERY")!], at: path, allowing: "GET, HEAD")
    }

    /// A page with a form that is sent back to the same address: GET and HEAD show it, POST submits it.
    @discardableResult
    func form(
        _ path: RouterPath, show: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator,
        submit: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator
    ) -> Self {
        on(path, method: .get, use: show)
        on(path, method: .head, use: show)
        on(path, method: .post, use: submit)
        return refusing([.put, .patch, .delete, .trace, .options, HTTPRequest.Method("QUERY")!], at: path, allowing: "GET, HEAD, POST")
    }

    /// An address only POSTed to (signing out): anything else is 405.
    @discardableResult
    func action(_ path: RouterPath, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator) -> Self {
        on(path, method: .post, use: handler)
        return refusing([.get, .head, .put, .patch, .delete, .trace, .options, HTTPRequest.Method("QUERY")!], at: path, allowing: "POST")
    }

    private func refusing(_ methods: [HTTPRequest.Method], at path: RouterPath, allowing allowed: String) -> Self {
        for method in methods {
            on(path, method: method) { request, _ in methodNotAllowed(request, allowing: allowed) }
        }
        return self
    }
}

/// 405 with `Allow`: JSON on the API, plain text elsewhere.
func methodNotAllowed(_ request: Request, allowing allowed: String) -> Response {
    let message = "\(request.method.rawValue) is not allowed here: this address answers \(allowed)."
    var headers = HTTPFields()
    headers[.allow] = allowed
    let body: String
    if request.uri.path.hasPrefix("/api/") {
        headers[.contentType] = "application/json; charset=utf-8"
        body = apiJSON(ApiError(error: .init(status: 405, message: message)))
    } else {
        headers[.contentType] = "text/plain; charset=utf-8"
        body = message + "\n"
    }
    return Response(status: .methodNotAllowed, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
}

/// A page (GET or HEAD) reads the record at one moment, in one read transaction, however many reads it makes; the
/// revision its cache entry is kept under is read in it too. A form that changes the record reads and writes as it
/// goes, so sees its own changes.
struct OneMomentMiddleware<Context: RequestContext>: RouterMiddleware {
    let store: any QuorumStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else { return try await next(request, context) }
        return try await store.readingAtOneMoment { try await next(request, context) }
    }
}

/// Headers that keep a browser from being tricked with Quorum's pages.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; form-action 'self'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "strict-origin-when-cross-origin"
        return response
    }
}

/// Turns every error into a page a member of the public can read. Internal errors are logged, never shown.
struct ErrorPageMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let signIn as SignInRequired {
            return Response(status: signIn.status, headers: signIn.headers)
        } catch where ReadStop.current?.isStopped == true {
            // The request was stopped (its time limit, its visitor gone): `BudgetedResponder` answers for it.
            throw error
        } catch {
            let (status, message) = Self.describe(error)
            if status == .internalServerError {
                logger.error("\(request.method) \(request.uri.path) failed: \(String(reflecting: error))")
            }
            var response = try Self.response(status: status, message: message, request: request, context: context)
            // What the error says the client must do (`WWW-Authenticate` with a 401, `Allow` with a 405).
            if let error = error as? HTTPError { for field in error.headers where response.headers[field.name] == nil { response.headers.append(field) } }
            return response
        }
    }

    /// The error as the API's JSON for an API address, else as a page.
    static func response(
        status: HTTPResponse.Status, message: String, request: Request, context: Context
    ) throws -> Response {
        if request.uri.path.hasPrefix("/api/") {
            let json = apiJSON(ApiError(error: .init(status: status.code, message: message)))
            return Body(bytes: json, contentType: "application/json; charset=utf-8", status: status).response(from: request, context: context)
        }
        let page = ErrorPage(title: status == .notFound ? "Page not found" : status.reasonPhrase, message: message, status: status.code)
        return try HTML(page, status: status).response(from: request, context: context)
    }

    /// The status and the plain-English message for an error. Unknown errors say nothing of their cause.
    static func describe(_ error: any Error) -> (HTTPResponse.Status, String) {
        switch error {
        case let error as HTTPError where error.status == .notFound:
            (.notFound, "We could not find that page. It may have moved, or the address may be mistyped.")
        case let error as HTTPError where error.status.kind == .clientError:
            (error.status, error.body ?? "Please check the address or the form and try again.")
        case is EditVersion.Conflict:
            (.conflict, "The record has changed since the version sent. Fetch it again, check it, and send the change with its new version.")
        default:
            (.internalServerError, "Something went wrong on our side. Please try again later.")
        }
    }
}

struct ErrorPage: Sendable {
    let title: String
    let message: String
    let status: Int
}

/// The API's error body: `{"error": {"status": 404, "message": "…"}}`.
struct ApiError: Encodable {
    struct Detail: Encodable {
        let status: Int
        let message: String
        /// For a 422: what was wrong, beside the name of each field.
        var fields: [String: String]? = nil
    }
    let error: Detail
}
