// Prints one plain closing line after Jest's own summary, e.g.
//   jest: 18 passed, 0 failed, 0 skipped
// so tools that read the last lines of a run find the counts in a fixed form.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numRuntimeErrorTestSuites } = results
    const failed = numFailedTests + numRuntimeErrorTestSuites
    const line = `jest: ${numPassedTests} passed, ${failed} failed, ${numPendingTests + numTodoTests} skipped`
    // Jest prints its summary (to stderr) once every reporter's onRunComplete
    // has run: print after it.
    process.once("exit", () => process.stderr.write(`\n${line}\n`))
  }
}

module.exports = SummaryReporter
