#include "followprotocol.h"

namespace {

// Kept free of single quotes so it can travel inside one single-quoted shell word.
constexpr char followerScript[] = R"PERL(
use strict;
my ($p, $off, $ino) = @ARGV;
$SIG{PIPE} = sub { exit 0 };
sub out { my $s = shift; my $n = 0;
  while ($n < length $s) { my $w = syswrite(STDOUT, $s, length($s) - $n, $n); exit 0 unless defined $w; $n += $w; } }
sub openpath { my $n = shift; open(my $h, "<", $n) or return undef; binmode $h; return $h; }
sub findino { my $i = shift; my $d = $p; $d =~ s{/[^/]*$}{}; $d = "/" if $d eq ""; $d = "." if $d eq $p;
  opendir(my $dh, $d) or return undef;
  for my $e (readdir $dh) { my $f = "$d/$e"; my @s = stat $f; next unless @s && -f _;
    if ($s[1] == $i) { my $h = openpath($f); return $h if $h; } }
  return undef; }
my $last = time; my $fh; my $cur = 0; my $pending;
while (!$fh) { $fh = openpath($p); last if $fh; if (time - $last >= 1) { out("H\n"); $last = time; }
  select(undef, undef, undef, 0.2); }
$cur = (stat $fh)[1];
if ($ino && $ino != $cur) {
  my $old = findino($ino);
  if ($old) { $pending = $fh; $fh = $old; $cur = $ino; out("O $cur $off\n"); }
  else { out("G $cur\n"); $off = 0; out("O $cur 0\n"); }
} else { out("O $cur $off\n"); }
while (1) {
  my $size = (stat $fh)[7];
  if ($size < $off) { out("T $cur $size\n"); $off = 0; }
  if ($size > $off) {
    my $want = $size - $off; $want = 65536 if $want > 65536;
    sysseek($fh, $off, 0); my $buf; my $n = sysread($fh, $buf, $want);
    if ($n) { out("D $off $n\n" . $buf); $off += $n; $last = time; next; }
  }
  if ($pending) { $fh = $pending; $pending = undef; $cur = (stat $fh)[1]; $off = 0; out("R $cur\n"); next; }
  my @ps = stat $p;
  if (@ps && $ps[1] != $cur) {
    my $h = openpath($p);
    if ($h) { next if (stat $fh)[7] > $off; $fh = $h; $cur = (stat $fh)[1]; $off = 0; out("R $cur\n"); next; }
  }
  if (time - $last >= 1) { out("H\n"); $last = time; }
  select(undef, undef, undef, 0.05);
}
)PERL";

QByteArray shellQuote(const QByteArray &word)
{
    QByteArray quoted = word;
    quoted.replace('\'', "'\\''");
    return '\'' + quoted + '\'';
}

} // namespace

QByteArray FollowProtocol::command(const QString &path, qint64 offset, quint64 inode)
{
    return "exec perl -e " + shellQuote(QByteArray(followerScript)) + " -- " + shellQuote(path.toUtf8()) + ' '
           + QByteArray::number(offset) + ' ' + QByteArray::number(inode);
}

QList<FollowProtocol::Frame> FollowProtocol::feed(const QByteArray &bytes)
{
    QList<Frame> frames;
    if (m_failed)
        return frames;
    m_buffer.append(bytes);
    while (true) {
        const qsizetype newline = m_buffer.indexOf('\n', m_position);
        if (newline < 0)
            break;
        const QByteArray header = m_buffer.mid(m_position, newline - m_position);
        const QList<QByteArray> parts = header.split(' ');
        Frame frame;
        bool ok = !parts.isEmpty() && parts.first().size() == 1;
        const char kind = ok ? parts.first().at(0) : '?';
        auto number = [&](int i) -> qint64 {
            bool good = false;
            const qint64 value = i < parts.size() ? parts.at(i).toLongLong(&good) : 0;
            ok = ok && good;
            return value;
        };
        qsizetype consumed = newline + 1;
        switch (kind) {
        case 'O':
            frame.kind = Frame::Opened;
            frame.inode = quint64(number(1));
            frame.offset = number(2);
            break;
        case 'D': {
            frame.kind = Frame::Data;
            frame.offset = number(1);
            const qint64 length = number(2);
            if (!ok)
                break;
            if (m_buffer.size() - consumed < length)
                goto needMore;
            frame.data = m_buffer.mid(consumed, length);
            consumed += length;
            break;
        }
        case 'T':
            frame.kind = Frame::Truncated;
            frame.inode = quint64(number(1));
            frame.offset = number(2);
            break;
        case 'R':
            frame.kind = Frame::Rotated;
            frame.inode = quint64(number(1));
            break;
        case 'G':
            frame.kind = Frame::Gone;
            frame.inode = quint64(number(1));
            break;
        case 'H':
            frame.kind = Frame::Heartbeat;
            break;
        default:
            ok = false;
        }
        if (!ok) {
            m_failed = true;
            m_failure = QStringLiteral("unexpected follower output: %1").arg(QString::fromUtf8(header.left(80)));
            return frames;
        }
        frames.append(frame);
        m_position = consumed;
    }
needMore:
    if (m_position > 0) {
        m_buffer.remove(0, m_position);
        m_position = 0;
    }
    return frames;
}
