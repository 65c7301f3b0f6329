# smsim plots. Usage:
#   gnuplot plots.gnuplot                                  # results/weekday-40 and weekday-50
#   gnuplot -e "dir='results/dr-initial-server-lost'" plots.gnuplot
#   gnuplot -e "compare='results/weekday-40-compare'" plots.gnuplot   # smsim compare output
#   gnuplot -e "sweep='results/weekday-50-sweep'" plots.gnuplot       # smsim sweep output
# Reads DIR/timeseries-mean.csv (window × station means across replications) and
# DIR/events.csv, and writes PNGs next to them. Every series has its own colour; means are
# drawn with their 95 % CI band (per station up to four stations, else the aggregate's);
# legends sit under the plot; the time axis is clock time when the scenario has startsAt
# (run.json carries it). With no dir given it draws every
# results/weekday-* run it finds, and the 40-vs-50 comparison when both exist.
# With compare=DIR it draws each DIR/ratio-*/ run and DIR/compare.png (every ratio's p95
# latency and utilization on shared axes); with sweep=DIR only DIR/sweep.png (p95 latency
# and peak utilization against the server count, one curve per ratio or consoles value).

set datafile separator ","
set terminal pngcairo size 1200,700 enhanced font "sans,11"
# The legend goes under the plot in rows, so it never covers the data or squeezes it sideways.
set key below horizontal maxrows 3 samplen 2 spacing 1
set grid
set style fill transparent solid 0.18 noborder

# Every series its own colour: Tableau 10, then 14 more distinct tones (as report.html).
# The database is always near-black, the "all servers" aggregate grey and dashed.
palette = "#4e79a7 #f28e2b #59a14f #e15759 #76b7b2 #edc948 #b07aa1 #ff9da7 #9c755f #17becf #1f3d7a #8c564b #2ca02c #d62728 #9467bd #bcbd22 #7f7f7f #aec7e8 #ffbb78 #98df8a #c5b0d5 #c49c94 #f7b6d2 #dbdb8d"
colour(i) = word(palette, (i - 1) % words(palette) + 1)
db_colour = "#222222"; all_colour = "#555555"
# Per-station CI bands are drawn up to this many stations; beyond, only the aggregate's.
bands_up_to = 4

# Columns of timeseries-mean.csv
c_start = 6; c_station = 9; c_kind = 10; c_wf = 11; c_up = 12; c_consoles = 13
c_util = 17; c_util_ci = 18; c_p95 = 21; c_p95_ci = 22; c_backlog = 24; c_lag = 25; c_active = 26
storage_colour = "#7a1f3d"

# The time axis: clock time when the run's scenario says when the day starts (`startsAt: 07:00`,
# copied into run.json), else hours since the start.
starts_at(d) = system(sprintf("sed -n 's/.*\"startsAt\" *: *\"\\([0-9:]*\\)\".*/\\1/p' %s/run.json 2>/dev/null | awk -F: 'NR==1 {print $1*3600 + $2*60 + $3}'", d))
set_time_axis(d) = (T0 = starts_at(d), T0 eq "" ? 0 : 1)
hours(col) = (T0 eq "" ? column(col) / 3600.0 : (T0 + column(col)) / 3600.0)
# The rows of one station, in window order (gnuplot breaks a line at every skipped row,
# so stations are selected before plotting rather than masked while plotting).
sel(d, name) = sprintf("< awk -F, '$9==\"%s\"' %s/timeseries-mean.csv", name, d)

stations(d, kinds) = system(sprintf("awk -F, 'NR>1 && index(\"%s\", \",\" $10 \",\") {print $9}' %s/timeseries-mean.csv | awk '!seen[$0]++' | tr '\\n' ' '", kinds, d))
# Servers that answered consoles (a server out of the console pool has no latency to draw).
serving(d) = system(sprintf("awk -F, 'NR>1 && ($10==\"initial\" || $10==\"additional\") && $21!=\"\" {print $9}' %s/timeseries-mean.csv | awk '!seen[$0]++' | tr '\n' ' '", d))
title_of(d) = system(sprintf("awk -F, 'NR==2{r=($2==\"\")?\"\":\", \" $2 \" consoles/server\"; print $1 \" (\" $3 \" additional servers\" r \", \" $5 \" replications)\"}' %s/timeseries-mean.csv", d))


# The ratio-* directories of a comparison, in increasing ratio.
ratio_dirs(c) = system(sprintf("for d in %s/ratio-*; do [ -f $d/timeseries-mean.csv ] && echo ${d##*-} $d; done | sort -n | cut -d' ' -f2 | tr '\\n' ' '", c))

if (exists("sweep")) {
  dirs = ""
} else { if (exists("compare")) {
  dirs = ratio_dirs(compare)
} else { if (!exists("dir")) {
  dirs = system("ls -d results/weekday-* results/*/ 2>/dev/null | sed 's:/$::' | awk '!seen[$0]++' | while read d; do [ -f $d/timeseries-mean.csv ] && echo $d; done | tr '\\n' ' '")
} else {
  dirs = dir
} } }

do for [d in dirs] {
  T = title_of(d)
  clock = set_time_axis(d)
  if (clock) { set xlabel "clock time (h of the day)" } else { set xlabel "time since start of run (h)" }
  servers = stations(d, ",initial,additional,")
  everything = stations(d, ",initial,additional,database,")

  set output d."/latency-p95.png"
  set title "p95 console latency per management server — ".T
  set ylabel "p95 latency (ms)"
  set yrange [0:*]
  srv = serving(d); n = words(srv)
  plot for [i=1:(n <= bands_up_to ? n : 0)] sel(d, word(srv, i)) using (hours(c_start)):(column(c_p95) - column(c_p95_ci)):(column(c_p95) + column(c_p95_ci)) \
         with filledcurves lc rgb colour(i) notitle, \
       sel(d, "all") using (hours(c_start)):(column(c_p95) - column(c_p95_ci)):(column(c_p95) + column(c_p95_ci)) with filledcurves lc rgb all_colour title "95 % CI, all servers", \
       for [i=1:n] sel(d, word(srv, i)) using (hours(c_start)):(column(c_p95)) with lines lw 2 lc rgb colour(i) title word(srv, i), \
       sel(d, "all") using (hours(c_start)):(column(c_p95)) with lines lw 3 dt 2 lc rgb all_colour title "all servers"

  set output d."/utilization.png"
  set title "CPU utilization per server and the database — ".T
  set ylabel "utilization (fraction of cores busy)"
  set yrange [0:1]
  dbs = stations(d, ",database,"); disks = stations(d, ",storage,"); n = words(servers)
  if (words(disks) > 0) { set title "Utilization: servers' CPU, the database's CPU and its storage — ".T }
  plot for [i=1:(n <= bands_up_to ? n : 0)] sel(d, word(servers, i)) using (hours(c_start)):(column(c_util) - column(c_util_ci)):(column(c_util) + column(c_util_ci)) \
         with filledcurves lc rgb colour(i) notitle, \
       for [s in dbs] sel(d, s) using (hours(c_start)):(column(c_util) - column(c_util_ci)):(column(c_util) + column(c_util_ci)) with filledcurves lc rgb db_colour title "95 % CI, ".s, \
       sel(d, "all") using (hours(c_start)):(column(c_util) - column(c_util_ci)):(column(c_util) + column(c_util_ci)) with filledcurves lc rgb all_colour title "95 % CI, server mean", \
       for [i=1:n] sel(d, word(servers, i)) using (hours(c_start)):(column(c_util)) with lines lw 2 lc rgb colour(i) title word(servers, i), \
       for [s in dbs] sel(d, s) using (hours(c_start)):(column(c_util)) with lines lw 3 lc rgb db_colour title s, \
       for [s in disks] sel(d, s) using (hours(c_start)):(column(c_util)) with lines lw 3 dt 4 lc rgb storage_colour title s." (storage)", \
       sel(d, "all") using (hours(c_start)):(column(c_util)) with lines lw 3 dt 2 lc rgb all_colour title "mean of the servers"

  # Connected per server above; connected and active for the whole group below (older
  # outputs without the active_consoles column draw the connected line only).
  set output d."/consoles.png"
  set multiplot layout 2,1 title "Consoles — ".T
  set title "connected per management server"
  set ylabel "consoles (time average)"
  set yrange [0:*]
  plot for [i=1:words(servers)] sel(d, word(servers, i)) using (hours(c_start)):(column(c_consoles)) with lines lw 2 lc rgb colour(i) title word(servers, i)
  set title "connected and active (in an active period, not idle), all servers"
  plot sel(d, "all") using (hours(c_start)):(column(c_consoles)) with lines lw 3 lc rgb colour(1) title "connected", \
       sel(d, "all") using (hours(c_start)):(column(c_active)) with lines lw 3 dt 2 lc rgb colour(2) title "active"
  unset multiplot

  set output d."/workflows.png"
  set title "Workflow backlog and lag — ".T
  set ylabel "backlog (jobs waiting or running)"
  set y2label "workflow lag p95 (s)"
  set y2tics
  set yrange [0:*]
  set y2range [0:*]
  plot sel(d, "all") using (hours(c_start)):(column(c_backlog)) with lines lw 2 lc rgb colour(1) title "backlog", \
       sel(d, "all") using (hours(c_start)):(column(c_lag)) axes x1y2 with lines lw 2 lc rgb colour(2) title "lag p95"
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
    plot for [i=1:words(servers)] sel(d, word(servers, i)) using (hours(c_start)):(column(c_consoles)) with lines lw 2 lc rgb colour(i) title word(servers, i)
    set title "p95 latency per server"
    set ylabel "p95 (ms)"
    plot for [i=1:words(srv)] sel(d, word(srv, i)) using (hours(c_start)):(column(c_p95)) with lines lw 2 lc rgb colour(i) title word(srv, i)
    set title "workflow backlog"
    set ylabel "jobs"
    plot sel(d, "all") using (hours(c_start)):(column(c_backlog)) with lines lw 2 lc rgb colour(1) title "backlog"
    unset multiplot
  }
}

# 40 vs 50 consoles per server, side by side on shared axes.
a = "results/weekday-40"; b = "results/weekday-50"
if (!exists("dir") && !exists("compare") && !exists("sweep") && system(sprintf("[ -f %s/timeseries-mean.csv ] && [ -f %s/timeseries-mean.csv ] && echo 1 || echo 0", a, b)) + 0 == 1) {
  set output "results/compare-40-50.png"
  set multiplot layout 1,2 title "40 vs 50 consoles per additional server (mean of replications, all servers)"
  set title "p95 console latency"
  set ylabel "p95 latency (ms)"
  set yrange [0:*]
  plot sel(a, "all") using (hours(c_start)):(column(c_p95) - column(c_p95_ci)):(column(c_p95) + column(c_p95_ci)) with filledcurves lc rgb colour(1) notitle, \
       sel(b, "all") using (hours(c_start)):(column(c_p95) - column(c_p95_ci)):(column(c_p95) + column(c_p95_ci)) with filledcurves lc rgb colour(2) notitle, \
       sel(a, "all") using (hours(c_start)):(column(c_p95)) with lines lw 2 lc rgb colour(1) title "40 per server", \
       sel(b, "all") using (hours(c_start)):(column(c_p95)) with lines lw 2 lc rgb colour(2) title "50 per server"
  set title "mean CPU utilization of the management servers"
  set ylabel "utilization"
  set yrange [0:1]
  plot sel(a, "all") using (hours(c_start)):(column(c_util) - column(c_util_ci)):(column(c_util) + column(c_util_ci)) with filledcurves lc rgb colour(1) notitle, \
       sel(b, "all") using (hours(c_start)):(column(c_util) - column(c_util_ci)):(column(c_util) + column(c_util_ci)) with filledcurves lc rgb colour(2) notitle, \
       sel(a, "all") using (hours(c_start)):(column(c_util)) with lines lw 2 lc rgb colour(1) title "40 per server", \
       sel(b, "all") using (hours(c_start)):(column(c_util)) with lines lw 2 lc rgb colour(2) title "50 per server"
  unset multiplot
}

# smsim compare: every ratio of DIR/ratio-*/ on shared axes.
if (exists("compare")) {
  cdirs = ratio_dirs(compare)
  if (words(cdirs) == 0) { print "no ".compare."/ratio-*/timeseries-mean.csv found"; exit }
  ratio_title(d) = system(sprintf("awk -F, 'NR==2{print $2 \" per server (\" $3 \" servers)\"}' %s/timeseries-mean.csv", d))
  set output compare."/compare.png"
  set multiplot layout 1,2 title "Consoles per additional server compared (mean of paired replications with 95 % CI bands, all servers)"
  clock = set_time_axis(word(cdirs, 1))
  if (clock) { set xlabel "clock time (h of the day)" } else { set xlabel "time since start of run (h)" }
  set title "p95 console latency"
  set ylabel "p95 latency (ms)"
  set yrange [0:*]
  nc = words(cdirs)
  plot for [i=1:nc] sel(word(cdirs, i), "all") using (hours(c_start)):(column(c_p95) - column(c_p95_ci)):(column(c_p95) + column(c_p95_ci)) \
         with filledcurves lc rgb colour(i) notitle, \
       for [i=1:nc] sel(word(cdirs, i), "all") using (hours(c_start)):(column(c_p95)) with lines lw 2 lc rgb colour(i) title ratio_title(word(cdirs, i))
  set title "mean CPU utilization of the management servers"
  set ylabel "utilization"
  set yrange [0:1]
  plot for [i=1:nc] sel(word(cdirs, i), "all") using (hours(c_start)):(column(c_util) - column(c_util_ci)):(column(c_util) + column(c_util_ci)) \
         with filledcurves lc rgb colour(i) notitle, \
       for [i=1:nc] sel(word(cdirs, i), "all") using (hours(c_start)):(column(c_util)) with lines lw 2 lc rgb colour(i) title ratio_title(word(cdirs, i))
  unset multiplot
}

# smsim sweep: p95 latency and peak utilization against the number of additional servers,
# one curve per ratio (when the sweep set ratios or the scenario has one) or per consoles
# value, and per servers-down value when that varies. Error bars are 95 % CIs.
if (exists("sweep")) {
  f = sweep."/sweep.csv"
  sw_col(name) = int(system(sprintf("head -1 %s | tr , '\\n' | grep -nx '%s' | cut -d: -f1", f, name)))
  sw_servers = sw_col("servers")
  sw_p95 = sw_col("latency_p95_ms_mean"); sw_p95_ci = sw_col("latency_p95_ms_ci95")
  sw_peak = sw_col("server_utilization_peak_mean"); sw_peak_ci = sw_col("server_utilization_peak_ci95")
  # A curve's key: r<ratio> or c<consoles>, then _d<down>.
  sw_key = "k = ($4 != \"\" ? \"r\" $4 : \"c\" $3) \"_d\" $6"
  keys = system(sprintf("awk -F, 'NR>1 { %s; if (!seen[k]++) printf \"%%s \", k }' %s", sw_key, f))
  ndown = int(system(sprintf("awk -F, 'NR>1 && !seen[$6]++' %s | wc -l", f)))
  curve(k) = sprintf("< awk -F, 'NR>1 { %s; if (k == \"%s\") print }' %s | sort -t, -k%d,%dn", sw_key, k, f, sw_servers, sw_servers)
  key_value(k) = k[2:strstrt(k, "_d") - 1]
  key_title(k) = (k[1:1] eq "r" ? key_value(k)." consoles/server" : key_value(k)." consoles") \
                 . (ndown > 1 ? ", ".k[strstrt(k, "_d") + 2:*]." down" : "")
  sw_title = system(sprintf("awk -F, 'NR==2{print $2 \" (\" $7 \" replications per point)\"}' %s", f))
  set output sweep."/sweep.png"
  set multiplot layout 1,2 title "Sweep — ".sw_title
  set xlabel "additional management servers"
  set xtics 1
  set offsets 0.25, 0.25, 0, 0
  set title "p95 console latency"
  set ylabel "p95 latency (ms)"
  set yrange [0:*]
  plot for [i=1:words(keys)] curve(word(keys, i)) using (column(sw_servers)):(column(sw_p95)):(column(sw_p95_ci)) \
       with yerrorlines lw 2 lc rgb colour(i) title key_title(word(keys, i))
  set title "peak CPU utilization of the busiest management server"
  set ylabel "utilization"
  set yrange [0:1]
  plot for [i=1:words(keys)] curve(word(keys, i)) using (column(sw_servers)):(column(sw_peak)):(column(sw_peak_ci)) \
       with yerrorlines lw 2 lc rgb colour(i) title key_title(word(keys, i))
  unset multiplot
  set xtics autofreq
  set offsets 0, 0, 0, 0
}
