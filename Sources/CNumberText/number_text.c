#include <stdio.h>
#include "number_text.h"

int smsim_format_double(char *buffer, size_t size, const char *format, double value) {
    return snprintf(buffer, size, format, value);
}
