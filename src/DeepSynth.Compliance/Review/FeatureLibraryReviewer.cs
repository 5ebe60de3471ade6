using System;
using System.IO;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepSynth.Compliance.Review
{
    /// <summary>
    /// The built-in reviewer over a feature library file. Picks up a new version of the file without a restart; a new
    /// version that does not load is logged and the last good library stays in force, so a bad edit never turns review off.
    /// </summary>
    public sealed class FeatureLibraryReviewer
    {
        private readonly string _path;
        private readonly TimeSpan _checkInterval;
        private readonly TimeProvider _time;
        private readonly ILogger _logger;
        private readonly object _reloadLock = new object();
        private volatile FeatureLibrary _library;
        private DateTime _loadedStamp;
        private long _nextCheckTicks;

        /// <exception cref="ComplianceConfigurationException">The file is missing or invalid.</exception>
        public FeatureLibraryReviewer(string path, TimeSpan? checkInterval = null, TimeProvider? time = null, ILogger<FeatureLibraryReviewer>? logger = null)
        {
            _path = path ?? throw new ArgumentNullException(nameof(path));
            _checkInterval = checkInterval ?? TimeSpan.FromSeconds(30);
            _time = time ?? TimeProvider.System;
            _logger = (ILogger?)logger ?? NullLogger.Instance;
            _loadedStamp = File.GetLastWriteTimeUtc(path);
            _library = FeatureLibrary.Load(path);
            _nextCheckTicks = _time.GetUtcNow().UtcTicks + _checkInterval.Ticks;
        }

        /// <summary>The library in force.</summary>
        public FeatureLibrary Library
        {
            get
            {
                ReloadIfChanged();
                return _library;
            }
        }

        /// <summary>The verdict of the feature library alone.</summary>
        public ReviewVerdict Review(string content, ReviewStage stage) => new ReviewVerdict(stage, Library.Match(content, stage));

        /// <summary>Loads the file now.</summary>
        /// <exception cref="ComplianceConfigurationException">The file is invalid; the previous library stays in force.</exception>
        public void Reload()
        {
            lock (_reloadLock)
            {
                var stamp = File.GetLastWriteTimeUtc(_path);
                var library = FeatureLibrary.Load(_path);
                _library = library;
                _loadedStamp = stamp;
                _logger.LogInformation("Feature library {Path} version {Version} loaded with {Count} rules.", _path, library.Version, library.Rules.Count);
            }
        }

        private void ReloadIfChanged()
        {
            if (_checkInterval <= TimeSpan.Zero)
            {
                return;
            }

            var now = _time.GetUtcNow().UtcTicks;
            var next = Interlocked.Read(ref _nextCheckTicks);
            if (now < next || Interlocked.CompareExchange(ref _nextCheckTicks, now + _checkInterval.Ticks, next) != next)
            {
                return; // not due, or another thread is checking
            }

            try
            {
                if (File.GetLastWriteTimeUtc(_path) != _loadedStamp)
                {
                    Reload();
                }
            }
            catch (Exception ex) when (ex is ComplianceConfigurationException or IOException or UnauthorizedAccessException)
            {
                _logger.LogError(ex, "Feature library {Path} changed but could not be loaded; version {Version} stays in force.", _path, _library.Version);
                lock (_reloadLock)
                {
                    _loadedStamp = File.Exists(_path) ? File.GetLastWriteTimeUtc(_path) : _loadedStamp; // do not retry the same broken file on every call
                }
            }
        }
    }
}
