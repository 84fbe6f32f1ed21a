using System.ComponentModel.DataAnnotations;
using NVelopes.Grains.Domain.Users;

namespace NVelopes.Api.Users;

/// <summary>A username a sign-up may take (<see cref="UsernameRule"/>); the refusal's reason is the validation message.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class UsernameAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        UsernameRule.RefusalOf(value as string) is { } refusal ? new ValidationResult(refusal) : ValidationResult.Success;
}
