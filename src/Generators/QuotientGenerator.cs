using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymmetryDsl.Generators.Emit;
using SymmetryDsl.Generators.Model;

namespace SymmetryDsl.Generators;

/// <summary>
/// Writes the quotient code (group action, canonical projection, orbit distance, alignment, flat coordinates)
/// for every partial type with <c>[Permutation]</c> or <c>[Translation]</c> members or <c>[Translation]</c> on the type.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class QuotientGenerator : IIncrementalGenerator
{
    /// <summary>Names of the tracked pipeline steps, for incrementality tests.</summary>
    public static class StepNames
    {
        /// <summary>Models found through <c>[Permutation]</c> on members.</summary>
        public const string PermutationMembers = nameof(PermutationMembers);

        /// <summary>Models found through <c>[Translation]</c> on members.</summary>
        public const string TranslationMembers = nameof(TranslationMembers);

        /// <summary>Models found through <c>[Translation]</c> on types.</summary>
        public const string TranslationTypes = nameof(TranslationTypes);

        /// <summary>The models with duplicates removed, one per type.</summary>
        public const string Models = nameof(Models);

        /// <summary>The diagnostics of all models.</summary>
        public const string Diagnostics = nameof(Diagnostics);
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var fromPermutations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ModelBuilder.PermutationAttributeName,
                static (node, _) => node is VariableDeclaratorSyntax or PropertyDeclarationSyntax,
                static (context, ct) => BuildForMember(context.TargetSymbol, ct))
            .WithTrackingName(StepNames.PermutationMembers);

        var fromTranslations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ModelBuilder.TranslationAttributeName,
                static (node, _) => node is VariableDeclaratorSyntax or PropertyDeclarationSyntax,
                static (context, ct) => BuildForMember(context.TargetSymbol, ct))
            .WithTrackingName(StepNames.TranslationMembers);

        var fromTypes = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ModelBuilder.TranslationAttributeName,
                static (node, _) => node is TypeDeclarationSyntax,
                static (context, ct) => context.TargetSymbol is INamedTypeSymbol type ? ModelBuilder.Build(type, ct) : null)
            .WithTrackingName(StepNames.TranslationTypes);

        // A type is reached once per attributed member and once per partial declaration, so the models are
        // gathered and deduplicated by hint name before any output is written.
        var models = fromPermutations.Collect()
            .Combine(fromTranslations.Collect())
            .Combine(fromTypes.Collect())
            .SelectMany(static (all, ct) => Deduplicate(all.Left.Left.Concat(all.Left.Right).Concat(all.Right), ct))
            .WithTrackingName(StepNames.Models);

        context.RegisterSourceOutput(models, static (context, model) =>
        {
            if (model.CanEmit)
            {
                context.AddSource(model.HintName, ModelEmitter.Emit(model));
            }
        });

        // Diagnostics are reported with locations in the real syntax trees, so #pragma and .editorconfig
        // severities apply to them. That needs the compilation, which is combined only with models that
        // have diagnostics.
        var diagnostics = models
            .Select(static (model, _) => model.Diagnostics)
            .Where(static d => !d.IsEmpty)
            .Collect()
            .WithTrackingName(StepNames.Diagnostics);

        context.RegisterSourceOutput(diagnostics.Combine(context.CompilationProvider), static (context, pair) =>
        {
            foreach (var set in pair.Left)
            {
                foreach (var info in set)
                {
                    context.ReportDiagnostic(DiagnosticReporter.ToDiagnostic(info, pair.Right));
                }
            }
        });
    }

    private static TypeSpec? BuildForMember(ISymbol member, CancellationToken ct) =>
        member.ContainingType is { } type ? ModelBuilder.Build(type, ct) : null;

    private static ImmutableArray<TypeSpec> Deduplicate(IEnumerable<TypeSpec?> models, CancellationToken ct)
    {
        var seen = new HashSet<string>();
        var result = ImmutableArray.CreateBuilder<TypeSpec>();
        foreach (var model in models)
        {
            ct.ThrowIfCancellationRequested();
            if (model is not null && seen.Add(model.HintName))
            {
                result.Add(model);
            }
        }

        return result.ToImmutable();
    }
}
