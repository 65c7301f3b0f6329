#ifndef SMSIM_NUMBER_TEXT_H
#define SMSIM_NUMBER_TEXT_H

#include <stddef.h>

/* One printf conversion of one double into `buffer` (`format` holds exactly one, such as
   "%.6g"): what snprintf returns. Swift cannot call the variadic snprintf, and building a
   va_list from Swift costs a dynamic cast per argument. */
int smsim_format_double(char *buffer, size_t size, const char *format, double value);

#endif
