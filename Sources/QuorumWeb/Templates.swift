import Foundation
import Hummingbird
import Mustache

/// The Mustache templates, loaded once at start-up. Pages are rendered from view models, never records.
struct Templates: Sendable {
    let library: MustacheLibrary
    let directory: String

    init(directory: String) async throws {
        self.directory = directory
        MustacheContentTypes.register(HTMLText(), named: HTMLText.name)
        // Every template, partials and the layout included, is read with the content type set to `HTMLText`: the
        // library resets it to its own (slower) HTML escaping at each partial, so the pragma opens each file.
        var library = MustacheLibrary()
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".mustache") }.sorted()
        for file in files {
            let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
            do {
                try library.register("{{% CONTENT_TYPE: \(HTMLText.name)}}" + text, named: String(file.dropLast(".mustache".count)))
            } catch {
                throw TemplateError(file: directory + "/" + file, reason: "\(error)")
            }
        }
        self.library = library
    }

    struct TemplateError: Error, CustomStringConvertible {
        let file: String
        let reason: String
        var description: String { "\(file): the template cannot be read: \(reason)" }
    }

    /// Renders `page` with the template `name`; a missing template is a programming error, reported as 500.
    func render(_ page: some Sendable, with name: String) throws -> HTML {
        #if DEBUG
            // Every field a view holds must be reachable without reflection (`ViewLookups.swift`).
            let gaps = ViewLookupCheck.gaps(in: page)
            guard gaps.isEmpty else { throw HTTPError(.internalServerError, message: "Views without lookups: " + gaps.joined(separator: "; ")) }
        #endif
        // The header shows the signed-in account, if any: pages for them are never cached for anyone else.
        let framed: Any = SignedIn.account.map { Framed(page: page, account: $0) } ?? page
        guard let html = library.render(framed, withTemplate: name) else {
            throw HTTPError(.internalServerError)
        }
        return HTML(html: html)
    }
}

/// HTML text escaping: `<`, `>`, `&`, `"` and `'` become entities, everything else is kept. It reads UTF-8 bytes (every
/// character escaped is ASCII, so no multi-byte character can contain one) and hands back text with nothing to
/// escape untouched.
struct HTMLText: MustacheContentType {
    static let name = "QUORUM_HTML"

    func escapeText(_ text: String) -> String { escapedHTML(text) }
}

func escapedHTML(_ text: String) -> String {
    var text = text
    let escaped: String? = text.withUTF8 { bytes in
        guard let first = bytes.firstIndex(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        out.append(contentsOf: bytes[..<first])
        for byte in bytes[first...] {
            switch byte {
            case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case 0x22: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            case 0x27: out.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
    return escaped ?? text
}

/// A page with the signed-in account beside it, for the layout's header.
struct Framed: MustacheParent {
    let page: Any
    let account: AccountBar

    func child(named key: String) -> Any? {
        if key == "account" { return account }
        return (page as? any MustacheParent)?.child(named: key)
    }
}

extension AccountBar: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "role": role
        case "csrfToken": csrfToken
        default: nil
        }
    }
}

/// A rendered HTML page. It carries an ETag, so a browser that already has this version gets 304.
struct HTML: ResponseGenerator {
    let html: String
    var status: HTTPResponse.Status = .ok

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Body(bytes: html, contentType: "text/html; charset=utf-8", status: status).response(from: request, context: context)
    }
}

/// A response body of any type with an ETag computed from its bytes, and conditional GET handled.
struct Body: ResponseGenerator {
    let bytes: String
    let contentType: String
    var status: HTTPResponse.Status = .ok
    var headers: HTTPFields = [:]

    func response(from request: Request, context: some RequestContext) -> Response {
        var headers = headers
        headers[.contentType] = contentType
        // Only what GET reads is fingerprinted and shareable: the answer to a change is for whoever made it.
        guard status == .ok, request.method == .get || request.method == .head else {
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: bytes)))
        }
        let tag = "\"" + fnv1a(bytes) + "\""
        headers[.eTag] = tag
        if headers[.cacheControl] == nil { headers[.cacheControl] = "public, max-age=60" }
        if request.hasCopy(tagged: tag) { return Response(status: .notModified, headers: headers) }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: bytes)))
    }
}

/// A 64-bit FNV-1a digest in hex: a cheap, stable fingerprint of a response for its ETag (not for security).
func fnv1a(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
    }
    return String(hash, radix: 16)
}

extension Request {
    /// Whether the browser says it already holds the version with this ETag (If-None-Match).
    func hasCopy(tagged tag: String) -> Bool {
        guard let wanted = headers[.ifNoneMatch] else { return false }
        return wanted == "*" || wanted.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == tag }
    }
}
