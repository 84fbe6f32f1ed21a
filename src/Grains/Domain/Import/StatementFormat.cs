namespace NVelopes.Grains.Domain.Import;

/// <summary>The statement formats the import reads. QFX is OFX with a bank's extensions, read as OFX.</summary>
public enum StatementFormat
{
    Csv,
    Ofx,
    Qif,
}
