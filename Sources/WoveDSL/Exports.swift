// `import WoveDSL` gives the whole API: the runtime's result and error types and the helpers.
@_exported public import WoveHelpers
@_exported public import WoveRuntime
