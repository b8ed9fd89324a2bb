#if HTTP || WebSocket || GRPC
    import Testing
    import WoveNetwork

    @Suite("Media type lists in Content-Type and Accept headers")
    struct MediaTypeListTests {
        @Test(
            "a listed media type is found whatever its case, spacing and parameters",
            arguments: [
                "application/x-ndjson", "Application/X-NDJSON", "application/x-ndjson; charset=utf-8",
                "application/json, application/x-ndjson", " application/x-ndjson\t, text/plain",
                "text/plain;q=0.5,application/x-ndjson;q=1",
            ])
        func found(header: String) {
            #expect(MediaTypeList.names("application/x-ndjson", in: header))
        }

        @Test(
            "a media type that is only part of an entry, or absent, is not found",
            arguments: [
                "", ",", "application/json", "application/x-ndjsonx", "x-ndjson", "application/x-nd json",
                "text/plain; profile=application/x-ndjson", "application/x-ndjso",
            ])
        func notFound(header: String) {
            #expect(!MediaTypeList.names("application/x-ndjson", in: header))
        }

        @Test("any of several names is found")
        func anyOf() {
            let streamed: [StaticString] = ["application/x-ndjson", "application/ndjson"]
            #expect(MediaTypeList.names(streamed, in: "application/ndjson; charset=utf-8"))
            #expect(MediaTypeList.names(streamed, in: "text/plain, application/x-ndjson"))
            #expect(!MediaTypeList.names(streamed, in: "application/json"))
        }
    }
#endif
