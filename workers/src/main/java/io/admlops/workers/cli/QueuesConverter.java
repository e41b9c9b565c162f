package io.admlops.workers.cli;

import io.admlops.workflows.TaskQueues;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --queues workflows,cpu,gpu}. */
class QueuesConverter implements ITypeConverter<List<TaskQueues>> {

  @Override
  public List<TaskQueues> convert(String value) {
    try {
      return TaskQueues.parseList(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
