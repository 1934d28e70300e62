#!/usr/bin/perl
# A service for the readiness benchmark: waits DELAY seconds, starts listening on 127.0.0.1:PORT,
# writes the moment it did (epoch seconds, microsecond resolution) to FILE, then idles until killed.
# Perl rather than a JVM so twenty of them start in milliseconds and their timing is their own.
#
# Usage: listen-after.pl PORT DELAY FILE
use strict;
use warnings;
use IO::Socket::INET;
use Time::HiRes qw(time sleep);

my ($port, $delay, $file) = @ARGV;
die "usage: listen-after.pl PORT DELAY FILE\n" unless defined $file;
sleep $delay;
my $socket = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => $port, Listen => 16, ReuseAddr => 1)
    or die "listen-after.pl: cannot listen on $port: $!\n";
my $bound = time;
open my $out, '>', "$file.tmp" or die "listen-after.pl: $file.tmp: $!\n";
printf $out "%.6f\n", $bound;
close $out;
rename "$file.tmp", $file or die "listen-after.pl: $file: $!\n";
# Accept and drop connections (the health probe's) so the backlog never fills.
while (1) {
    my $client = $socket->accept or next;
    close $client;
}
