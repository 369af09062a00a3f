import Hummingbird
import Mustache

/// The Mustache templates, loaded once at start-up. Pages are rendered from view models, never records.
struct Templates: Sendable {
    let library: MustacheLibrary
    let directory: String

    init(directory: String) async throws {
        self.directory = directory
        library = try await MustacheLibrary(directory: directory)
    }

    /// Renders `page` with the template `name`; a missing template is a programming error, reported as 500.
    func render(_ page: some Sendable, with name: String) throws -> HTML {
        guard let html = library.render(page, withTemplate: name) else {
            throw HTTPError(.internalServerError)
        }
        return HTML(html: html)
    }
}

/// A rendered HTML page.
struct HTML: ResponseGenerator {
    let html: String
    var status: HTTPResponse.Status = .ok

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
