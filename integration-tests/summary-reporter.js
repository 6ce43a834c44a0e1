// Prints one plain closing line after Jest's own summary, e.g.
//   jest: 18 passed, 0 failed, 0 skipped
// so tools that read the last lines of a run find the counts in a fixed form.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numRuntimeErrorTestSuites } = results
    const failed = numFailedTests + numRuntimeErrorTestSuites
    process.stdout.write(`\njest: ${numPassedTests} passed, ${failed} failed, ${numPendingTests + numTodoTests} skipped\n`)
  }
}

module.exports = SummaryReporter
