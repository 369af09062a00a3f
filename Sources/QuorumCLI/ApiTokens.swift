import ArgumentParser
import Foundation
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumWeb

/// `quorum token`: the tokens programs use for the JSON API's actions.
struct ApiTokens: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Make, list and revoke the tokens programs use for the JSON API's actions (Authorization: Bearer …).",
        discussion: """
            A token acts as its account, with the account's role: a scrutiny officer's token can record recommendations \
            as sent, a responder's can record responses. Disabling the account stops its tokens too.
            """,
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a token for an account and print it. It is shown this once: Quorum keeps only its SHA-256.",
            discussion: """
                Example:
                  quorum token create --user jo.smith@herefordshire.gov.uk --name "tracker spreadsheet sync"
                """)

        @OptionGroup var options: DatabaseOptions

        @Option(help: ArgumentHelp("The email address of the account the token acts as.", valueName: "address"))
        var user: String

        @Option(help: ArgumentHelp("What the token is for, so that a list of tokens says which to revoke.", valueName: "text"))
        var name: String

        @Option(help: ArgumentHelp("Who is making it, for the audit log.", valueName: "name"))
        var by = "quorum token create"

        func validate() throws {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--name must say what the token is for") }
        }

        func run() async throws {
            let store = try options.openStore()
            guard let account = try await store.credentials(email: user)?.user else { throw CommandFailure("There is no account for \(user).") }
            guard !account.isDisabled else { throw CommandFailure("The account for \(user) is disabled; its tokens would not work.") }
            let secret = "qrm_" + Tokens.random()
            let token = try await store.addApiToken(
                for: account.id, name: name.trimmingCharacters(in: .whitespaces), tokenHash: Tokens.hash(secret), by: by, at: Date())
            FileHandle.standardError.write(Data("Token \(token.id) for \(account.email) (\(account.role.label)); keep it secret, it is not shown again:\n".utf8))
            print(secret)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every token: its number, account, name, when it was made and last used, and whether it is revoked.")

        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            let tokens = try await options.openStore().apiTokens()
            if tokens.isEmpty { print("No tokens. Make one with quorum token create.") }
            let format = ISO8601DateFormatter()
            for token in tokens {
                var line = "\(token.id)\t\(token.user.rawValue.dropFirst("users/".count))\t\(token.name)\tmade \(format.string(from: token.createdAt))"
                line += token.lastUsedAt.map { "\tlast used \(format.string(from: $0))" } ?? "\tnever used"
                if let revoked = token.revokedAt { line += "\trevoked \(format.string(from: revoked))" }
                print(line)
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by its number (from quorum token list): it stops working at once.")

        @OptionGroup var options: DatabaseOptions

        @Argument(help: ArgumentHelp("The token's number.", valueName: "number"))
        var id: Int64

        @Option(help: ArgumentHelp("Who is revoking it, for the audit log.", valueName: "name"))
        var by = "quorum token revoke"

        func run() async throws {
            do {
                try await options.openStore().revokeApiToken(id, by: by, at: Date())
            } catch StoreError.notFound {
                throw CommandFailure("There is no token \(id); quorum token list shows them.")
            }
            print("Revoked token \(id).")
        }
    }
}
