using System.Threading.Channels;
using ChatOpsBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Protocol.Hosting;

/// <summary>Bounded hand-off between the endpoint (202) and the background processor; a full queue makes POSTs wait.</summary>
internal sealed class ActivityQueue(IOptions<BotOptions> options)
{
    private readonly Channel<Activity> _channel = Channel.CreateBounded<Activity>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = false,
        SingleWriter = false,
    });

    public ChannelReader<Activity> Reader => _channel.Reader;

    public ValueTask EnqueueAsync(Activity activity, CancellationToken cancellationToken) =>
        _channel.Writer.WriteAsync(activity, cancellationToken);
}
