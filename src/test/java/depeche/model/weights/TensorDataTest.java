package depeche.model.weights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TensorDataTest {

    @Test
    void halfFloatsConvertExactly() {
        assertThat(TensorData.halfToFloat((short) 0x3c00)).isEqualTo(1f);
        assertThat(TensorData.halfToFloat((short) 0xc100)).isEqualTo(-2.5f);
        assertThat(TensorData.halfToFloat((short) 0x7bff)).isEqualTo(65504f);
        assertThat(TensorData.halfToFloat((short) 0x0400)).isEqualTo(0x1p-14f);
        assertThat(TensorData.halfToFloat((short) 0x03ff)).isEqualTo(1023 * 0x1p-24f);
        assertThat(TensorData.halfToFloat((short) 0x8001)).isEqualTo(-0x1p-24f);
        assertThat(Float.floatToIntBits(TensorData.halfToFloat((short) 0x8000)))
                .as("negative zero keeps its sign").isEqualTo(Float.floatToIntBits(-0f));
        assertThat(TensorData.halfToFloat((short) 0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(TensorData.halfToFloat((short) 0xfc00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(TensorData.halfToFloat((short) 0x7e00)).isNaN();
    }
}
