public import Foundation
import NIOPosix

/// The text of a PDF, from poppler's `pdftotext` (Debian: poppler-utils), for the importer's readers.
public enum PDFText {
    /// Why a PDF's text could not be had, in words.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The text of the PDF at `path`, as UTF-8.
    public static func text(ofFileAt path: String) throws(Failure) -> Data {
        guard let tool = executable(named: "pdftotext") else {
            throw Failure(description: "this is a PDF, and reading it needs pdftotext: install poppler-utils (apt-get install poppler-utils)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-enc", "UTF-8", path, "-"]
        let output = Pipe()
        process.standardOutput = output
        // pdftotext's complaints about a damaged PDF could fill a pipe nobody reads; its exit status says enough.
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(description: "pdftotext could not be started (\(error))")
        }
        // A paper that keeps pdftotext busy for a minute is not read: the process is stopped, from a serial queue, which
        // gets a thread of its own when the threads Swift's tasks and Dispatch's global queue share are all busy.
        let stop = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue(label: "quorum.pdftotext-stop").asyncAfter(deadline: .now() + 60, execute: stop)
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        stop.cancel()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "pdftotext could not read it (exit status \(process.terminationStatus)); is it a damaged PDF?")
        }
        return text
    }

    /// The text of a PDF held in memory, read off the request's thread (on NIO's thread pool): the file is written to a
    /// temporary folder for `pdftotext` and removed after.
    static func text(of data: Data) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-paper-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("paper.pdf")
            try data.write(to: file)
            return String(decoding: try text(ofFileAt: file.path), as: UTF8.self)
        }
    }

    static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
