namespace NVelopes.Web.Contracts;

public sealed record SignUpBody(string FullName, string Username, string Email, string Password);
