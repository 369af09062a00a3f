public import Foundation

/// Where the website listens and where its templates are.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var templatesDirectory: String

    public init(host: String = "127.0.0.1", port: Int = 8080, templatesDirectory: String = WebConfiguration.bundledTemplatesDirectory) {
        self.host = host
        self.port = port
        self.templatesDirectory = templatesDirectory
    }

    /// The templates that ship with Quorum.
    public static var bundledTemplatesDirectory: String {
        Bundle.module.url(forResource: "Templates", withExtension: nil)!.path
    }
}
