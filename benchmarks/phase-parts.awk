# One phase file of PhaseProfiles (collapsed stacks, "# requests N" per iteration): the request
# threads' (Undertow's XNIO task threads) CPU microseconds per request, by part of the request path,
# at 1 ms per sample. A stack counts for the first part that matches it, in this order.
/^# requests/ { requests += $3; next }
{
  n = $NF; stack = $0; sub(/ [0-9]+$/, "", stack)
  if (stack !~ /XNIO-1 task/) next
  part["total"] += n
  if (index(stack, "ContainerResponseContextImpl.filter") && index(stack, "TracingContainerFilter.filter"))
    part["response-filter"] += n
  else if (index(stack, "TracingContainerFilter.filter")) part["request-filter"] += n
  else if (index(stack, "MethodInjectorImpl.invoke")) part["resource-invocation"] += n
  else if (index(stack, "commitHeaders")) part["header-commit"] += n
  else if (index(stack, "writev") || index(stack, "SocketChannelImpl.write")) part["socket-write"] += n
  else if (stack ~ /_\[k\]/) part["other-kernel"] += n
  else part["other-java"] += n
}
END {
  printf "%s", phase
  split("total request-filter response-filter resource-invocation header-commit socket-write other-kernel other-java", order, " ")
  for (i = 1; i <= 8; i++) printf " %s %.2f", order[i], 1000 * part[order[i]] / requests
  print ""
}
