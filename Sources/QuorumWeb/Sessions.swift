import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import MultipartKit
import NIOHTTP1
import HummingbirdBcrypt
import NIOPosix
import QuorumDomain
import QuorumStorage

/// The cookies Quorum sets: the session, and before sign-in the token the sign-in form is checked against.
enum Cookies {
    static let session = "quorum_session"
    static let signInToken = "quorum_sign_in"
    /// Before sign-in, the token a public form (a question to a meeting) is checked against.
    static let formToken = "quorum_form"

    /// HttpOnly (no script reads it), SameSite=Lax (not sent with another site's POST), Secure over https.
    static func header(_ name: String, _ value: String, secure: Bool, maxAge: Int? = nil) -> String {
        var parts = ["\(name)=\(value)", "Path=/", "HttpOnly", "SameSite=Lax"]
        if secure { parts.append("Secure") }
        if let maxAge { parts.append("Max-Age=\(maxAge)") }
        return parts.joined(separator: "; ")
    }

    static func value(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name { return String(parts[1]).trimmingCharacters(in: .whitespaces) }
            }
        }
        return nil
    }
}

/// Random tokens and their hashes.
public enum Tokens {
    /// 32 random bytes from the system's secure generator, as hex.
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    /// What the store keeps of a session token: its SHA-256, so that the database alone lets nobody in.
    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Equal without saying, by how long it took, how much of a guess was right.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Passwords: bcrypt, worked out away from the threads that serve requests.
public struct Passwords: Sendable {
    let cost: UInt8

    public init(cost: UInt8 = Passwords.standardCost) { self.cost = cost }

    /// bcrypt's cost for passwords set in production, by the CLI and the website alike.
    public static let standardCost: UInt8 = 12

    public func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// What a new password must be, in words, or nil when it will do.
    public static func problem(with password: String) -> String? {
        if password.count < 12 { return "Enter a password of at least 12 characters" }
        if password.count > 200 { return "Enter a password of at most 200 characters" }
        return nil
    }
}

/// Finds the signed-in account from the session cookie (an API token is checked by the API's actions themselves). A signed-in request is never answered from the public page
/// cache nor stored in it (the cache middleware runs inside this one and checks), and its response is marked
/// `Cache-Control: private, no-store` so that no shared cache keeps it.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = QuorumRequestContext
    let store: any QuorumStore
    let idle: Duration
    let now: @Sendable () -> Date

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = Cookies.value(Cookies.session, in: request), !token.isEmpty {
            context.session = try await store.session(tokenHash: Tokens.hash(token), now: now(), idle: TimeInterval(idle.components.seconds))
        }
        var response: Response
        if let session = context.session {
            response = try await SignedIn.$account.withValue(AccountBar(session)) { try await next(request, context) }
            response.headers[.vary] = "Cookie"
        } else if request.carriesApiToken {
            // A program with an API token may be shown what the public may not.
            response = try await next(request, context)
            response.headers[.vary] = "Authorization"
        } else {
            return try await next(request, context)
        }
        // What a signed-in person or a token is shown is kept by nobody else.
        response.headers[.cacheControl] = "private, no-store"
        return response
    }
}

extension Request {
    /// Whether the request sends an API token (`Authorization: Bearer …`); other schemes are not Quorum's.
    var carriesApiToken: Bool { headers[.authorization]?.lowercased().hasPrefix("bearer ") ?? false }
}

/// The signed-in account, for the header of every page rendered while its request runs.
enum SignedIn {
    @TaskLocal static var account: AccountBar?
}

/// What the header shows a signed-in person: who they are, their dashboard, and a sign-out button.
struct AccountBar: Sendable {
    let name: String
    let role: String
    let csrfToken: String

    init(_ session: UserSession) {
        name = session.user.name
        role = session.user.role.label
        csrfToken = session.csrfToken
    }
}

/// A submitted form: its fields, read from a URL-encoded body of at most 1 MB (a long response, percent-encoded).
struct FormSubmission: Sendable {
    let fields: [String: String]
    /// Files sent with a `multipart/form-data` form, by field name.
    let files: [String: UploadedFile]
    static let limit = 1 << 20

    /// Reads a form sent as `application/x-www-form-urlencoded` or, with files, as `multipart/form-data`, of at most
    /// `limit` bytes.
    init(_ request: Request, limit: Int = FormSubmission.limit) async throws {
        let body = try await Self.body(
            of: request, limit: limit,
            tooLong: limit > Self.limit
                ? "The file is larger than \(limit >> 20) MB, the most this form takes."
                : "What was sent is too long for this form. Shorten the longest answer and try again.")
        if let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = Self.parameter("boundary", of: type), !boundary.isEmpty else {
                throw HTTPError(.badRequest, message: "The form was sent without its boundary.")
            }
            var fields: [String: String] = [:]
            var files: [String: UploadedFile] = [:]
            for part in try Self.parts(of: body, boundary: boundary) {
                guard let disposition = part.headers.first(name: "Content-Disposition"), let name = Self.parameter("name", of: disposition) else { continue }
                if let filename = Self.parameter("filename", of: disposition) {
                    guard !filename.isEmpty || part.body.readableBytes > 0 else { continue }
                    files[name] = UploadedFile(filename: filename, contentType: part.headers.first(name: "Content-Type"), bytes: part.body)
                } else {
                    fields[name] = String(buffer: part.body)
                }
            }
            self.fields = fields
            self.files = files
            return
        }
        let text = String(buffer: body)
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ part: Substring) -> String { String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            guard let name = parts.first.map(decoded), !name.isEmpty else { continue }
            fields[name] = parts.count > 1 ? decoded(parts[1]) : ""
        }
        self.fields = fields
        files = [:]
    }

    /// The parts of a `multipart/form-data` body, read by MultipartKit's parser.
    private static func parts(of body: ByteBuffer, boundary: String) throws -> [MultipartPart] {
        let parser = MultipartParser(boundary: boundary)
        var parts: [MultipartPart] = []
        var headers = HTTPHeaders()
        var content = ByteBuffer()
        parser.onHeader = { name, value in headers.add(name: name, value: value) }
        parser.onBody = { chunk in content.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append(MultipartPart(headers: headers, body: content))
            headers = HTTPHeaders()
            content = ByteBuffer()
        }
        do {
            try parser.execute(body)
        } catch {
            throw HTTPError(.badRequest, message: "The form could not be read. Reload the page and send it again.")
        }
        return parts
    }

    /// `key="value"` or `key=value` in a header such as `form-data; name="paper"; filename="report.pdf"`.
    private static func parameter(_ key: String, of header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    /// The body of a form or an API action, of at most `limit` bytes; longer is a 413 that says `tooLong`.
    static func body(of request: Request, limit: Int = FormSubmission.limit, tooLong: String) async throws -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: limit)
        } catch {
            throw HTTPError(.contentTooLarge, message: tooLong)
        }
    }

    subscript(_ name: String) -> String { fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }

    /// Refuses, with 403, a form without the token its page was given: one made on another site, or a stale page.
    func checkToken(_ expected: String?) throws {
        guard let expected, let sent = fields["csrf_token"], Tokens.same(sent, expected) else {
            throw HTTPError(.forbidden, message: "This form has expired or did not come from this site. Go back, reload the page and try again.")
        }
    }
}

extension QuorumRequestContext {
    /// The signed-in account, or a redirect to sign in that comes back to `request`'s page.
    func requireUser(for request: Request) throws -> UserSession {
        guard let session else { throw SignInRequired(next: request.uri.path) }
        return session
    }
}

/// A file sent with a form: its name on the sender's computer, the type their browser gave, and its bytes.
struct UploadedFile: Sendable {
    let filename: String
    let contentType: String?
    let bytes: ByteBuffer
}

/// Thrown when a page needs an account: the error page middleware sends the visitor to sign in, then back.
struct SignInRequired: Error {
    let next: String
    var status: HTTPResponse.Status { .seeOther }
    var headers: HTTPFields { [.location: "/sign-in?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/-_."))) ?? "/")] }
}

/// A 303 to `location`: the answer to a form that worked.
func redirect(to location: String, cookies: [String] = []) -> Response {
    var headers: HTTPFields = [.location: location]
    for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
    return Response(status: .seeOther, headers: headers)
}
