namespace ChatOpsBot.Testing.Postgres;

/// <summary>Marks the subclass of an abstract contract suite whose <see cref="PostgresFactAttribute"/> tests run on PostgreSQL.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequiresPostgresAttribute : Attribute;
