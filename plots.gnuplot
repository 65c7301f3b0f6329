# smsim plots. Usage:
#   gnuplot plots.gnuplot                                  # results/weekday-40 and weekday-50
#   gnuplot -e "dir='results/dr-initial-server-lost'" plots.gnuplot
# Reads DIR/timeseries-mean.csv (window × station means across replications) and
# DIR/events.csv, and writes PNGs next to them. With no dir given it draws every
# results/weekday-* run it finds, and the 40-vs-50 comparison when both exist.

set datafile separator ","
set terminal pngcairo size 1200,700 enhanced font "sans,11"
set key outside right top
set grid
set xlabel "time since start of run (h)"

# Columns of timeseries-mean.csv
c_start = 6; c_station = 9; c_kind = 10; c_wf = 11; c_up = 12; c_consoles = 13
c_util = 17; c_util_ci = 18; c_p95 = 21; c_p95_ci = 22; c_backlog = 24; c_lag = 25

hours(col) = column(col) / 3600.0
# The rows of one station, in window order (gnuplot breaks a line at every skipped row,
# so stations are selected before plotting rather than masked while plotting).
sel(d, name) = sprintf("< awk -F, '$9==\"%s\"' %s/timeseries-mean.csv", name, d)

stations(d, kinds) = system(sprintf("awk -F, 'NR>1 && index(\"%s\", \",\" $10 \",\") {print $9}' %s/timeseries-mean.csv | awk '!seen[$0]++' | tr '\\n' ' '", kinds, d))
title_of(d) = system(sprintf("awk -F, 'NR==2{r=($2==\"\")?\"\":\", \" $2 \" consoles/server\"; print $1 \" (\" $3 \" additional servers\" r \", \" $5 \" replications)\"}' %s/timeseries-mean.csv", d))


if (!exists("dir")) {
  dirs = system("ls -d results/weekday-* results/*/ 2>/dev/null | sed 's:/$::' | awk '!seen[$0]++' | while read d; do [ -f $d/timeseries-mean.csv ] && echo $d; done | tr '\\n' ' '")
} else {
  dirs = dir
}

do for [d in dirs] {
  T = title_of(d)
  servers = stations(d, ",initial,additional,")
  everything = stations(d, ",initial,additional,database,")

  set output d."/latency-p95.png"
  set title "p95 console latency per management server — ".T
  set ylabel "p95 latency (ms)"
  set yrange [0:*]
  plot for [s in servers] sel(d, s) using (hours(c_start)):(column(c_p95)) with lines lw 2 title s, \
       sel(d, "all") using (hours(c_start)):(column(c_p95)) with lines lw 3 dt 2 lc "black" title "all servers"

  set output d."/utilization.png"
  set title "CPU utilization per server and the database — ".T
  set ylabel "utilization (fraction of cores busy)"
  set yrange [0:1]
  plot for [s in everything] sel(d, s) using (hours(c_start)):(column(c_util)) with lines lw 2 title s

  set output d."/consoles.png"
  set title "Connected consoles per management server — ".T
  set ylabel "consoles (time average per window)"
  set yrange [0:*]
  plot for [s in servers] sel(d, s) using (hours(c_start)):(column(c_consoles)) with lines lw 2 title s

  set output d."/workflows.png"
  set title "Workflow backlog and lag — ".T
  set ylabel "backlog (jobs waiting or running)"
  set y2label "workflow lag p95 (s)"
  set y2tics
  set yrange [0:*]
  set y2range [0:*]
  plot sel(d, "all") using (hours(c_start)):(column(c_backlog)) with lines lw 2 title "backlog", \
       sel(d, "all") using (hours(c_start)):(column(c_lag)) axes x1y2 with lines lw 2 title "lag p95"
  unset y2tics
  unset y2label

  # Failover figure: only when the run had failures.
  nevents = system(sprintf("awk -F, 'NR>1' %s/events.csv 2>/dev/null | wc -l", d)) + 0
  if (nevents > 0) {
    set output d."/failover.png"
    set multiplot layout 3,1 title "Failures and recovery — ".T
    set title "connected consoles per server"
    set ylabel "consoles"
    set yrange [0:*]
    plot for [s in servers] sel(d, s) using (hours(c_start)):(column(c_consoles)) with lines lw 2 title s
    set title "p95 latency per server"
    set ylabel "p95 (ms)"
    plot for [s in servers] sel(d, s) using (hours(c_start)):(column(c_p95)) with lines lw 2 title s
    set title "workflow backlog"
    set ylabel "jobs"
    plot sel(d, "all") using (hours(c_start)):(column(c_backlog)) with lines lw 2 title "backlog"
    unset multiplot
  }
}

# 40 vs 50 consoles per server, side by side on shared axes.
a = "results/weekday-40"; b = "results/weekday-50"
if (!exists("dir") && system(sprintf("[ -f %s/timeseries-mean.csv ] && [ -f %s/timeseries-mean.csv ] && echo 1 || echo 0", a, b)) + 0 == 1) {
  set output "results/compare-40-50.png"
  set multiplot layout 1,2 title "40 vs 50 consoles per additional server (mean of replications, all servers)"
  set title "p95 console latency"
  set ylabel "p95 latency (ms)"
  set yrange [0:*]
  plot sel(a, "all") using (hours(c_start)):(column(c_p95)) with lines lw 2 title "40 per server", \
       sel(b, "all") using (hours(c_start)):(column(c_p95)) with lines lw 2 title "50 per server"
  set title "mean CPU utilization of the management servers"
  set ylabel "utilization"
  set yrange [0:1]
  plot sel(a, "all") using (hours(c_start)):(column(c_util)) with lines lw 2 title "40 per server", \
       sel(b, "all") using (hours(c_start)):(column(c_util)) with lines lw 2 title "50 per server"
  unset multiplot
}
