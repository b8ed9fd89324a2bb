extension WoveWorker {
    /// Runs the forked weave a parent described in the file `contextPath`, with this worker's
    /// tasks; problems that stop it from running at all go to standard error.
    func runForkedWeave(contextPath: String) async {
        if let problem = await ForkedChild.run(contextPath: contextPath, registry: registry) {
            Descriptors.writeToStandardError(problem + "\n")
        }
    }
}
