// The entry point is public so that tests can host the real app with WebApplicationFactory<Program>.
public partial class Program;
