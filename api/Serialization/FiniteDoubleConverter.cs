using System.Text.Json;
using System.Text.Json.Serialization;

namespace AltseasonLive.Api.Serialization;

/// <summary>
/// The last guard of the JSON path (REST and hub): a non-finite number, which JSON cannot hold and which used to fail the
/// whole response or abort the hub connection, is written as <c>null</c>. The grains refuse such values where they enter
/// (plausibility rules, repair at load), so this should never fire; it keeps one bad value from failing a page.
/// Reading accepts only plain JSON numbers.
/// </summary>
public sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override bool HandleNull => false;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
