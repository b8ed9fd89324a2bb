// A long mapped weave with live progress on standard error: on a terminal, one line per running
// task, redrawn in place, with items done, rate and time left; elsewhere, a plain line every
// second. NO_COLOR turns the colours off.
//
// Run it with: swift run Progress
import WoveDSL

let photos = Array(1...240)
let progress = ProgressRenderer(refreshInterval: .milliseconds(100), plainInterval: .seconds(1))
let result = try await weave(["photos": photos], options: .name("thumbnails"), .observer(progress)) {
    Task("album") { () async throws -> String in
        try await Task.sleep(for: .milliseconds(300))
        return "holidays"
    }
    Task("thumbnails", mapping: "photos", after: "album") {
        (photo: Int, album: String) async throws -> String in
        try await Task.sleep(for: .milliseconds(40))
        return "\(album)/\(photo).jpg"
    }
    .workers(4)
}
let thumbnails = try result.value("thumbnails", as: [String].self)
print("made \(thumbnails.count) thumbnails, the last \(thumbnails.last ?? "none")")
