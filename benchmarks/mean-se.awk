# Reads one ratio per line; prints how many, their mean and its standard error.
# Variables: what (e.g. "pairs"), label (what the ratios are).
{ r[NR] = $1; s += $1 }
END {
  m = s / NR
  for (i = 1; i <= NR; i++) v += (r[i] - m) ^ 2
  se = NR > 1 ? sqrt(v / (NR - 1) / NR) : 0
  printf "%d %s, %s: mean %.3f, standard error %.3f\n", NR, what, label, m, se
}
