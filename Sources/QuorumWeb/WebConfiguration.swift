public import Foundation

/// Where the website listens and where its templates are.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var templatesDirectory: String
    /// The site's public address for links in feeds and calendars ("https://meetings.example.gov.uk");
    /// when not set, the address the request came to is used.
    public var baseURL: String?
    /// The most memory rendered pages may be kept in, in megabytes; 0 turns the page cache off.
    public var pageCacheMegabytes: Int

    public init(
        host: String = "127.0.0.1", port: Int = 8080, templatesDirectory: String = WebConfiguration.bundledTemplatesDirectory, baseURL: String? = nil,
        pageCacheMegabytes: Int = 64
    ) {
        self.pageCacheMegabytes = pageCacheMegabytes
        self.host = host
        self.port = port
        self.templatesDirectory = templatesDirectory
        self.baseURL = baseURL
    }

    /// The templates that ship with Quorum.
    public static var bundledTemplatesDirectory: String {
        Bundle.module.url(forResource: "Templates", withExtension: nil)!.path
    }
}
