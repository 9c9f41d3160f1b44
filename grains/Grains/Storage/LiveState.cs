using Orleans.Storage;

namespace AltseasonLive.Grains.Storage;

/// <summary>
/// One grain state as the checkpointed storage tracks it: the activation's live <see cref="IGrainState{T}"/> (the object
/// the grain mutates in place), the grain if it is a <see cref="ICheckpointParticipant"/>, and the payload last
/// committed, so an unchanged state is not rewritten.
/// </summary>
public abstract class LiveState(string grainId, string stateName, ICheckpointParticipant? participant)
{
    public string GrainId { get; } = grainId;

    public string StateName { get; } = stateName;

    public ICheckpointParticipant? Participant { get; } = participant;

    /// <summary>Serialized payload of the last commit (or of the row read from the file); null when none.</summary>
    public byte[]? Committed { get; set; }

    /// <summary>True after the grain cleared its state: the checkpoint deletes the row.</summary>
    public bool Cleared { get; set; }

    public abstract byte[] Serialize(IGrainStorageSerializer serializer);

    /// <summary>Lets the participant grain copy its working data into the state object.</summary>
    public abstract void Prepare();
}

/// <summary>Typed <see cref="LiveState"/>.</summary>
public sealed class LiveState<T>(string grainId, string stateName, ICheckpointParticipant? participant, IGrainState<T> state)
    : LiveState(grainId, stateName, participant)
{
    public IGrainState<T> State { get; } = state;

    public override byte[] Serialize(IGrainStorageSerializer serializer) => serializer.Serialize(State.State).ToArray();

    public override void Prepare()
    {
        if (State.State is { } state)
        {
            Participant?.PrepareCheckpoint(state);
        }
    }
}
