using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.Logging;

namespace DeepSynth.Compliance.Audit
{
    /// <summary>The writer's Merkle tree and checkpoints: rebuilt at start, extended per record, signed on schedule.</summary>
    internal sealed partial class HashChainedLog
    {
        /// <summary>Rebuilds the Merkle frontier: from the cached one at the last checkpoint, or by reading every retained record.</summary>
        private void RecoverMerkleFrontier()
        {
            if (_checkpoints is null)
            {
                return;
            }

            _checkpoints.RecoverTail();
            try
            {
                // Resume from the last checkpoint when its cached frontier checks out; otherwise read every retained record.
                var frontier = MerkleFrontierCache.Resume(_directory, _prefix, _sequence, _lastHash, _checkpoints.PublicKey, out var read);
                if (frontier is null)
                {
                    var log = AuditMerkleLog.Load(_directory, _prefix);
                    frontier = log.Frontier();
                    read = log.Leaves.Count;
                }

                RecordsReadForMerkleTree = read;
                if (frontier.Count != _sequence)
                {
                    throw new InvalidDataException($"the Merkle tree has {frontier.Count} leaves but the chain ends at record {_sequence}");
                }

                _frontier = frontier;
            }
            catch (InvalidDataException ex)
            {
                // Keep recording (the duty to log outweighs the proof); say loudly that no checkpoints will be written.
                _frontier = null;
                _logger.LogError(ex, "Audit log {Directory}: checkpoints are off because the Merkle tree cannot be rebuilt: {Reason}", _directory, ex.Message);
            }

            if (_checkpointTimer is null && _checkpoints.Interval > TimeSpan.Zero)
            {
                _checkpointTimer = _time.CreateTimer(_ => CheckpointWhenIdle(), null, _checkpoints.Interval, _checkpoints.Interval);
            }
        }

        /// <summary>The timer's checkpoint, so records written just before a quiet spell are covered too.</summary>
        private void CheckpointWhenIdle()
        {
            if (!_gate.Wait(0))
            {
                return; // an append is running and checks the interval itself
            }

            try
            {
                if (!_disposed && _file is not null)
                {
                    Checkpoint(_time.GetUtcNow());
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        private AuditCheckpoint? Checkpoint(DateTimeOffset now)
        {
            if (_checkpoints is null || _frontier is null || _frontier.Count == 0 || _frontier.Count == _checkpoints.LastSize)
            {
                return null;
            }

            var checkpoint = _checkpoints.Write(_frontier.Count, _frontier.Root(), _lastHash, now);
            if (checkpoint is not null)
            {
                try
                {
                    MerkleFrontierCache.Save(_directory, _prefix, _frontier, _lastHash);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Only a start-up shortcut: without it the next writer reads every record instead.
                    _logger.LogWarning(ex, "Audit log {Directory}: the Merkle frontier cache could not be written.", _directory);
                }
            }

            return checkpoint;
        }

        /// <summary>
        /// The frontier of records 1 to <paramref name="purgedThrough"/>: the previous purge's frontier extended with the
        /// expired files' records. Reads the expired files and the newest files back to the previous purge record, not the
        /// whole log.
        /// </summary>
        private MerkleFrontier PurgedFrontier(List<(string Path, DateTime Day)> expired, long purgedThrough)
        {
            var frontier = AuditMerkleLog.FrontierBefore(_directory, _prefix);
            foreach (var file in expired)
            {
                foreach (var line in AuditLogFiles.ReadLines(file.Path).Lines)
                {
                    if (frontier.Count < purgedThrough)
                    {
                        frontier.Append(MerkleHash.Leaf(line));
                    }
                }
            }

            if (frontier.Count != purgedThrough)
            {
                throw new InvalidDataException($"the expired files end at record {frontier.Count}, not {purgedThrough}");
            }

            return frontier;
        }
    }
}
