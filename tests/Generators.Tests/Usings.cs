[assembly: ApprovalTests.Reporters.UseReporter(typeof(ApprovalTests.Reporters.QuietReporter))]
