using System.Diagnostics;

namespace SynthData.Verification.Code;

/// <summary>Finds and kills the host-side processes of one bubblewrap jail.</summary>
internal static class SandboxProcessRunner
{
    /// <summary>
    /// Kills the sandbox. bubblewrap's outer process has one child, the init of the sandbox's PID namespace; when
    /// that init dies the kernel kills every process in the namespace, and the outer process reaps it and exits.
    /// Killing the outer process first would orphan the init (and rely on a parent-death signal that a fork bomb's
    /// tree has been seen to survive), so the init goes first and the whole tree is the fallback.
    /// </summary>
    internal static void KillTree(Process process)
    {
        try
        {
            foreach (var child in ChildrenOf(process.Id))
            {
                using var init = Process.GetProcessById(child);
                init.Kill();
            }
            if (!process.WaitForExit(TimeSpan.FromMilliseconds(500)))
                process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or System.ComponentModel.Win32Exception or AggregateException)
        {
            // Already exited, or exited while we looked.
        }
    }

    internal static IEnumerable<int> ChildrenOf(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/task/{pid}/children");
        }
        catch (IOException)
        {
            return [];
        }
        return text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }
}
