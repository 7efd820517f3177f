namespace ChatOpsBot.State.Tests.Infrastructure;

/// <summary>Marks a test class whose <see cref="ProviderFactAttribute"/> tests need a PostgreSQL server.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequiresPostgresAttribute : Attribute;
